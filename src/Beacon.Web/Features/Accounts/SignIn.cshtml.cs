using System.ComponentModel.DataAnnotations;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<BeaconUser> signIn, UserManager<BeaconUser> users, IStringLocalizer<SharedResource> t, Infrastructure.AuditTrail audit)
    : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1024, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Notice { get; private set; }

    public void OnGet(string? notice) => Notice = notice == "signed-out" ? t["SignIn.SignedOut"].Value : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            await audit.SignInFailedAsync(users, null, "unknown-account");
            ModelState.AddModelError("", t["SignIn.Failed"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInCode", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            await audit.SignedInAsync(users, user, "password");
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        await audit.SignInFailedAsync(users, user, AccountAudit.FailureReason(result, "wrong-password"));
        ModelState.AddModelError("", result.IsLockedOut ? t["SignIn.LockedOut"] : t["SignIn.Failed"]);
        return Page();
    }

    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
}
