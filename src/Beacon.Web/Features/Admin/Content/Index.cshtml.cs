using Beacon.Core.Content;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Admin.Content;

/// <summary>The Learn pages as loaded, both languages side by side, and any problem the checks found.</summary>
public sealed class IndexModel(LearnContent content) : PageModel
{
    public IReadOnlyList<string> Problems => content.Library.Problems;

    public IReadOnlyList<(LearnPage? English, LearnPage? Spanish)> Pairs { get; private set; } = [];

    public void OnGet() =>
        Pairs = content.Library.Pages.Select(p => p.Slug).Distinct().Order(StringComparer.Ordinal)
            .Select(slug => (content.Library.Find("en", slug), content.Library.Find("es", slug)))
            .OrderBy(p => (p.Item1 ?? p.Item2)!.Order)
            .ToList();
}
