using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Language;

/// <summary>
/// The language switch: remembers the choice in the culture cookie and goes back where the visitor was. A GET form
/// (a preference, like <c>?lang=</c> on any page), so that the layout carries no antiforgery token and a public page
/// is the same for every visitor in one language: what lets it be served from the output cache.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        if (lang is null)
        {
            return Page();
        }

        if (!Localization.IsSupported(lang))
        {
            return BadRequest();
        }

        Localization.Remember(Response, lang);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? StripLangQuery(returnUrl!) : "/");
    }

    /// <summary>A <c>?lang=</c> left in the return address would override the new choice.</summary>
    private static string StripLangQuery(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return url;
        }

        var kept = url[(q + 1)..].Split('&').Where(p => !p.StartsWith("lang=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? url[..q] : $"{url[..q]}?{query}";
    }
}
