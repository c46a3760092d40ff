using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CP.Commerce.Services;

/// <summary>
/// Binds a money field of a form with <see cref="Money.TryParse"/> instead of MVC's decimal binding,
/// which reads numbers in the current culture and takes commas as thousands separators anywhere
/// (<c>9,50</c> became 950). Put <c>[ModelBinder(typeof(MoneyModelBinder))]</c> on every
/// <c>decimal?</c> property a person types an amount into. An empty field binds to null (its
/// <c>[Required]</c> says what to enter); a refused one keeps what was typed in the model state, with
/// the rule's message next to the field.
/// </summary>
public sealed class MoneyModelBinder : IModelBinder
{
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
        var text = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (Money.TryParse(text, out var amount, out var problem))
        {
            bindingContext.Result = ModelBindingResult.Success(amount);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name, problem!);
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }
}
