using Beacon.Core.Content;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Learn;

[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class IndexModel(LearnContent content) : PageModel
{
    public IReadOnlyList<LearnPage> Pages { get; private set; } = [];

    public void OnGet() => Pages = content.Library.InLanguage(Localization.Language);
}
