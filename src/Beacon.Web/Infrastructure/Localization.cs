using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Beacon.Web.Infrastructure;

/// <summary>English and Spanish; the visitor's choice is remembered in the culture cookie.</summary>
public static class Localization
{
    public static readonly CultureInfo[] Supported = [new("en"), new("es")];

    public static IServiceCollection AddBeaconLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>"en" or "es" for the current request.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";

    public static bool IsSupported(string? language) => language is "en" or "es";
}
