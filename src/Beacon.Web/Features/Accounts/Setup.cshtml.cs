using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Accounts;

/// <summary>
/// A one-time link's page: the first administrator, or an invited user, chooses a password and
/// enrols an authenticator in one form, so an account is created whole or not at all. The new
/// authenticator key travels in a hidden field protected (encrypted and signed) by Data Protection.
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(
    SetupTokens tokens,
    AccountCreation accounts,
    ContactDirectory directory,
    UserManager<BeaconUser> users,
    SignInManager<BeaconUser> signIn,
    BeaconDbContext db,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Field.Email")]
        public string? Email { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.DisplayName")]
        public string? DisplayName { get; set; }

        [Display(Name = "Field.County")]
        public string? JurisdictionId { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Agency")]
        public string? AgencyName { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1024, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Code")]
        public string Code { get; set; } = "";

        public string ProtectedKey { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkValid { get; private set; }
    public bool IsFirstAdministrator { get; private set; }
    public string? InvitedEmail { get; private set; }
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public string QrCode { get; private set; } = "";
    public string GroupedKey { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var setup = await LoadAsync(token);
        if (setup is null)
        {
            return NotFoundPage();
        }

        ShowKey(users.GenerateNewAuthenticatorKey(), token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var setup = await LoadAsync(token);
        if (setup is null)
        {
            return NotFoundPage();
        }

        var key = Unprotect(token, Input.ProtectedKey) ?? users.GenerateNewAuthenticatorKey();
        if (IsFirstAdministrator)
        {
            RequireField(Input.Email, "Input.Email");
            RequireField(Input.DisplayName, "Input.DisplayName");
            RequireField(Input.JurisdictionId, "Input.JurisdictionId");
            RequireField(Input.AgencyName, "Input.AgencyName");
        }

        long step = 0;
        if (!string.IsNullOrEmpty(Input.Code) && !TotpTokenProvider.TryMatch(key, Input.Code, DateTime.UtcNow, out step))
        {
            ModelState.AddModelError("Input.Code", t["Setup.CodeWrong"]);
        }

        if (!ModelState.IsValid)
        {
            ShowKey(key, token);
            return Page();
        }

        var result = IsFirstAdministrator
            ? await accounts.CreateAdministratorAsync(
                new FirstAdministrator(Input.Email!, Input.DisplayName!, Input.JurisdictionId!, Input.AgencyName!, Input.Password, key, step),
                setup.Id)
            : await accounts.AcceptInvitationAsync(setup.Id, setup.UserId!.Value, Input.Password, key, step);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
            }

            ShowKey(key, token);
            return Page();
        }

        // The user has just proven both factors: start the session as a two-factor sign-in.
        await signIn.SignInWithClaimsAsync(result.User!, isPersistent: false, [new Claim(Policies.AmrClaim, Policies.MfaMethod)]);
        return LocalRedirect("/staff");
    }

    private async Task<SetupToken?> LoadAsync(string token)
    {
        var setup = await tokens.FindValidAsync(token);
        if (setup is null || (setup.Purpose == SetupPurpose.FirstAdministrator && await tokens.AdministratorExistsAsync()))
        {
            return null;
        }

        LinkValid = true;
        IsFirstAdministrator = setup.Purpose == SetupPurpose.FirstAdministrator;
        Counties = await directory.CountiesAsync();
        if (setup.UserId is { } userId)
        {
            InvitedEmail = (await db.Users.FindAsync(userId))?.Email;
        }

        return setup;
    }

    private PageResult NotFoundPage()
    {
        LinkValid = false;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private void RequireField(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, t["Validation.Required"]);
        }
    }

    private void ShowKey(string key, string token)
    {
        Input.ProtectedKey = Protector(token).Protect(key);
        ModelState.Remove("Input.ProtectedKey"); // else the posted value would be rendered instead
        var label = InvitedEmail ?? (string.IsNullOrWhiteSpace(Input.Email) ? "administrator" : Input.Email.Trim());
        QrCode = AuthenticatorUri.QrDataUri(AuthenticatorUri.For(label, key));
        GroupedKey = AuthenticatorUri.Group(key);
    }

    private string? Unprotect(string token, string protectedKey)
    {
        try
        {
            return string.IsNullOrEmpty(protectedKey) ? null : Protector(token).Unprotect(protectedKey);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string token) =>
        protection.CreateProtector("Beacon.Setup.AuthenticatorKey", SetupTokens.Hash(token));
}
