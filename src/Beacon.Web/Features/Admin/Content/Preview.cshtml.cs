using Beacon.Core.Content;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Content;

/// <summary>
/// Preview a Learn page as visitors will see it: a loaded page, or a draft pasted here (Markdown with
/// front matter), rendered and checked against the loaded pages before anyone commits it as a file.
/// Nothing is saved.
/// </summary>
public sealed class PreviewModel(LearnContent content, IStringLocalizer<AdminResource> a) : PageModel
{
    public const int MaxDraftLength = 200_000;

    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";

    [BindProperty(SupportsGet = true)]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Draft { get; set; }

    public LearnPage? Article { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Checked { get; private set; }

    public IActionResult OnGet()
    {
        if (Slug is null)
        {
            return Page();
        }

        var page = content.Library.Find(Language, Slug);
        if (page is null)
        {
            return NotFound();
        }

        Article = page;
        Problems = content.Library.Problems.Where(p => p.StartsWith($"{Language}/{Slug}.md:", StringComparison.Ordinal)).ToList();
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Language is not ("en" or "es"))
        {
            ModelState.AddModelError(nameof(Language), a["Content.Error.Language"]);
        }

        if (string.IsNullOrWhiteSpace(Slug))
        {
            ModelState.AddModelError(nameof(Slug), a["Content.Error.Slug"]);
        }

        if (string.IsNullOrWhiteSpace(Draft))
        {
            ModelState.AddModelError(nameof(Draft), a["Content.Error.DraftRequired"]);
        }
        else if (Draft.Length > MaxDraftLength)
        {
            ModelState.AddModelError(nameof(Draft), a["Content.Error.DraftTooLong", MaxDraftLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        (Article, Problems) = ContentLoader.Preview(Slug!.Trim(), Language, Draft!, content.Library, content.Catalog);
        Checked = true;
        return Page();
    }
}
