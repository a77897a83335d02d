using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Tips;

/// <summary>Thanks the visitor, but only right after a tip was stored (a flag in TempData, read once).</summary>
[AllowAnonymous]
public sealed class ThanksModel : PageModel
{
    public const string StoredKey = "beacon.tip-stored";

    public IActionResult OnGet() => TempData[StoredKey] is true ? Page() : RedirectToPage("Index");
}
