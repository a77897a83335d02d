using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// The way in: a visitor whose county is known goes straight to its task force page; anyone else,
/// or anyone who asked to choose (?choose=true), picks a county from the list.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ContactDirectory directory, CurrentJurisdiction current) : PageModel
{
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public string? CurrentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool choose, CancellationToken ct)
    {
        CurrentId = (await current.ResolveAsync(HttpContext, ct))?.Id;
        if (CurrentId is not null && !choose)
        {
            // A language asked for in the address (?lang=es) is not remembered, so it travels along.
            var lang = Request.Query["lang"].ToString();
            return LocalRedirect($"/task-force/{CurrentId}" + (Localization.IsSupported(lang) ? $"?lang={lang}" : ""));
        }

        Counties = await directory.CountiesAsync(ct);
        return Page();
    }
}
