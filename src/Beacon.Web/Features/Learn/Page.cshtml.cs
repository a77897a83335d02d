using Beacon.Core.Content;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Learn;

/// <summary>One Learn page in the visitor's language, its sources, and the pages before and after it.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class ArticleModel(LearnContent content) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public LearnPage? Current { get; private set; }
    public LearnPage? Previous { get; private set; }
    public LearnPage? Next { get; private set; }

    public IActionResult OnGet(string slug)
    {
        var pages = content.Library.InLanguage(Localization.Language);
        var index = pages.ToList().FindIndex(p => p.Slug == slug);
        if (index < 0)
        {
            return NotFound();
        }

        Current = pages[index];
        Previous = index > 0 ? pages[index - 1] : null;
        Next = index < pages.Count - 1 ? pages[index + 1] : null;
        return Page();
    }
}
