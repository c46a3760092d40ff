namespace CP.Commerce.Events;

/// <summary>Why a module refuses an order change asked for up front (<see cref="IOrderEvents.CanRefundAsync"/>), in words for the admin.</summary>
/// <param name="Module">The refusing module's id.</param>
/// <param name="Reason">What stands in the way.</param>
public sealed record OrderEventRefusal(string Module, string Reason);
