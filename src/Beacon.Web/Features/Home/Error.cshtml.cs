using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Home;

/// <summary>Shown for unhandled errors and for status codes such as 404; never shows exception details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    public void OnGet(int? status) => IsNotFound = status == StatusCodes.Status404NotFound;

    public void OnPost(int? status) => OnGet(status);
}
