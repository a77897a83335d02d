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

    /// <summary>
    /// A link with <c>?lang=es</c> (a flyer, a shared link) keeps the visitor in that language on the
    /// next pages too: the choice is remembered as if they had used the language switch.
    /// </summary>
    public static IApplicationBuilder UseRememberedLanguageFromQuery(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var lang = context.Request.Query["lang"].ToString();
            if (IsSupported(lang) && context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is var current &&
                current != CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)))
            {
                Remember(context.Response, lang);
            }

            return next(context);
        });

    public static void Remember(HttpResponse response, string lang) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps, IsEssential = true,
            });

    /// <summary>"en" or "es" for the current request.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";

    public static bool IsSupported(string? language) => language is "en" or "es";
}
