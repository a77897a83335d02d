using Beacon.Core.Content;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Learn;

/// <summary>Search across the Learn pages in the active language (a GET form, so it works without JavaScript).</summary>
[AllowAnonymous]
public sealed class SearchModel(LearnContent content) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public void OnGet()
    {
        Q = Q?.Trim();
        if (Q is { Length: > ContentSearch.MaxQueryLength })
        {
            Q = Q[..ContentSearch.MaxQueryLength];
        }

        Hits = ContentSearch.Search(content.Library, Localization.Language, Q);
    }
}
