using CP.Commerce.Events;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>An order with the confirmation sections of enabled modules (view components invoked with <c>new { order = Snapshot }</c>).</summary>
public sealed record OrderPageViewModel(Order Order, OrderSnapshot Snapshot, IReadOnlyList<Type> Sections);
