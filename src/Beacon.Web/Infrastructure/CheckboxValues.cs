using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// A checkbox bound to a bool (<c>asp-for</c>) whose posted value was not "true" or "false" made the page that shows the
/// form again throw: the tag helper converts the value it kept to a bool. The value is dropped (its error stays), so the
/// page shows the error summary and the box as the model has it, not a 500.
/// </summary>
public sealed class CheckboxValues : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var key in context.ModelState.Keys.ToList())
        {
            var entry = context.ModelState[key]!;
            if (entry.ValidationState == ModelValidationState.Invalid && entry.AttemptedValue is { } attempted &&
                !bool.TryParse(attempted, out _) && IsBool(context.HandlerInstance.GetType(), key))
            {
                context.ModelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    /// <summary>Whether the dotted key ("Input.ShowOnTaskForcePage") names a bool property of the page model.</summary>
    private static bool IsBool(Type type, string key)
    {
        foreach (var name in key.Split('.'))
        {
            if (name.Contains('[', StringComparison.Ordinal) || type.GetProperty(name) is not { } property)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
    }
}
