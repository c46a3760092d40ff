using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace StoreSite.Web.Hosting;

/// <summary>Binds <c>bool</c> and <c>bool?</c> with <see cref="BooleanModelBinder"/> (every form's checkboxes).</summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    private readonly SimpleTypeModelBinderProvider _simpleTypes = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) && _simpleTypes.GetBinder(context) is { } inner
            ? new BooleanModelBinder(inner)
            : null;
    }
}
