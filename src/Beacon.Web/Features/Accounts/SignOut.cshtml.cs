using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Accounts;

/// <summary>Signing out is a POST (with antiforgery); a GET only shows the button.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<BeaconUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn", new { notice = "signed-out" });
    }
}
