using System.ComponentModel.DataAnnotations;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Accounts;

/// <summary>The second step of signing in: the authenticator code (each code works once).</summary>
[AllowAnonymous]
public sealed class SignInCodeModel(SignInManager<BeaconUser> signIn, IStringLocalizer<SharedResource> t, Infrastructure.AuditTrail audit)
    : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal), false, false);
        if (result.Succeeded)
        {
            await audit.SignedInAsync(signIn.UserManager, user, "authenticator");
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await audit.SignInFailedAsync(signIn.UserManager, user, AccountAudit.FailureReason(result, "wrong-code"));
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? t["SignIn.LockedOut"] : t["SignInCode.Failed"]);
        return Page();
    }
}
