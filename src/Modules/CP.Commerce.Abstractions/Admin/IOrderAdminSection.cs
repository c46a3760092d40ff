namespace CP.Commerce.Admin;

/// <summary>
/// A module's section on the admin order page (<c>/admin/orders/{number}</c>), e.g. licensing lists
/// the keys issued for each line. Commerce never reads a module's tables: it invokes the section.
/// </summary>
public interface IOrderAdminSection
{
    /// <summary>A view component invoked with <c>new { order }</c> (a <see cref="Events.OrderSnapshot"/>), in the module's assembly.</summary>
    Type ViewComponent { get; }
}
