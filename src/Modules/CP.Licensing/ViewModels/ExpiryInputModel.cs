using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Forms;

namespace CP.Licensing.ViewModels;

/// <summary>The Edit expiry form of a key's page: a date (<c>expiry</c>, YYYY-MM-DD) or <c>lifetime=true</c>.</summary>
public sealed class ExpiryInputModel
{
    [Display(Name = "Expiry date")]
    [DataType(DataType.Date)]
    [ModelBinder(typeof(IsoDateModelBinder))]
    public DateOnly? Expiry { get; set; }

    public bool Lifetime { get; set; }
}
