using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StoreSite.Forms;

/// <summary>
/// Binds a date field of a form (<c>DateOnly?</c>) from <c>YYYY-MM-DD</c> only, on the Gregorian
/// calendar, the same in every culture: what a <c>type="date"</c> input posts. MVC's own binding
/// reads dates in the current culture, so a typed <c>03/04/2027</c> could be the 4th of March or
/// the 3rd of April. Put <c>[ModelBinder(typeof(IsoDateModelBinder))]</c> on the property; an empty
/// field binds to null, anything else gets <see cref="Problem"/> next to the field and keeps what was typed.
/// </summary>
public sealed class IsoDateModelBinder : IModelBinder
{
    public const string Format = "yyyy-MM-dd";

    public const string Problem = "Enter the date as YYYY-MM-DD, e.g. 2027-03-31.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var posted = bindingContext.ValueProvider.GetValue(name);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, posted);
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name, Problem);
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }
}
