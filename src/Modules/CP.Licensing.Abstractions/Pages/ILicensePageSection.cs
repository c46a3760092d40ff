namespace CP.Licensing.Pages;

/// <summary>
/// A module's section on the customer's key page (<c>/account/licenses/{id}</c>), e.g. downloads lists
/// the releases the key entitles to and the downloads made with it. Licensing never reads a module's
/// tables: it invokes the section.
/// </summary>
public interface ILicensePageSection
{
    /// <summary>
    /// A view component invoked with <c>new { key }</c> (a <see cref="LicensePageKey"/>: the key the page
    /// shows and its owner, the signed-in customer), in the module's assembly.
    /// </summary>
    Type ViewComponent { get; }
}
