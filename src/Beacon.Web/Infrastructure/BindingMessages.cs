using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
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
            o.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessage());
        });
        return services;
    }

    /// <summary>
    /// Gives the "required" that MVC adds to every non-nullable property a message key the localizer knows: the one it
    /// adds to a reference type here, and for a value type (a bool, a Guid) one given here first, which MVC then uses
    /// instead of making its own.
    /// </summary>
    private sealed class ImplicitRequiredMessage : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var validators = context.ValidationMetadata.ValidatorMetadata;
            foreach (var required in validators.OfType<RequiredAttribute>())
            {
                if (required.ErrorMessage is null && required.ErrorMessageResourceType is null)
                {
                    required.ErrorMessage = Missing;
                }
            }

            var type = context.Key.ModelType;
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && !validators.OfType<RequiredAttribute>().Any())
            {
                validators.Add(new RequiredAttribute { ErrorMessage = Missing });
            }
        }
    }
}
