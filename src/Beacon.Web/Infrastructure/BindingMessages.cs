using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// The framework's own messages for a value that cannot be bound ("The value 'x' is not valid for Stamp.") and for the
/// implicit "required" of a non-nullable property ("The ProtectedKey field is required.") are English only, name C#
/// properties and repeat what was sent. A browser never sends such values (they come from a stale or forged form), so
/// one message each, in the page's language, says what happened and what to do.
/// </summary>
public static class BindingMessages
{
    public const string Unreadable = "Validation.Unreadable";
    public const string Missing = "Validation.Missing";

    public static IServiceCollection AddBindingMessages(this IServiceCollection services)
    {
        services.AddSingleton<IValidationAttributeAdapterProvider, RequiredMessage>();
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => t[Unreadable]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t[Unreadable]);
            m.SetUnknownValueIsInvalidAccessor(_ => t[Unreadable]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t[Unreadable]);
            m.SetValueIsInvalidAccessor(_ => t[Unreadable]);
            m.SetValueMustBeANumberAccessor(_ => t[Unreadable]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t[Unreadable]);
            m.SetValueMustNotBeNullAccessor(_ => t[Unreadable]);
            m.SetMissingBindRequiredValueAccessor(_ => t[Missing]);
            m.SetMissingKeyOrValueAccessor(() => t[Missing]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t[Missing]);
        });
        return services;
    }

    /// <summary>
    /// Gives the "required" that MVC adds by itself (to every non-nullable property) a message key the localizer knows.
    /// Every validation attribute passes through here on its way to a validator, the implicit one included.
    /// </summary>
    private sealed class RequiredMessage : IValidationAttributeAdapterProvider
    {
        private readonly ValidationAttributeAdapterProvider _inner = new();

        public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer)
        {
            if (attribute is RequiredAttribute { ErrorMessage: null, ErrorMessageResourceType: null } required)
            {
                required.ErrorMessage = Missing;
            }

            return _inner.GetAttributeAdapter(attribute, stringLocalizer);
        }
    }
}
