using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>An order with the confirmation sections of enabled modules (view components invoked with <c>new { order }</c>).</summary>
public sealed record OrderPageViewModel(Order Order, IReadOnlyList<Type> Sections);
