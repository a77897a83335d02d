using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Accounts;

/// <summary>Signing out is a POST (with antiforgery); a GET only shows the button.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<BeaconUser> signIn, Infrastructure.AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Written before signing out, while the principal still says who and in which role.
            await audit.WriteAsync(Core.Audit.AuditAction.SignOut, Core.Audit.AuditRecordTypes.Account,
                Infrastructure.AuditTrail.UserIdOf(User)?.ToString(), Core.Audit.AuditOutcome.Allowed);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("SignIn", new { notice = "signed-out" });
    }
}
