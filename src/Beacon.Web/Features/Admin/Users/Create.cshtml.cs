using Beacon.Web.Infrastructure;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// Adds a staff account. The administrator never sets a password: the account is created with an
/// invitation link, and the person chooses their own password and authenticator through it.
/// </summary>
public sealed class CreateModel(
    BeaconDbContext db,
    UserManager<BeaconUser> users,
    SetupTokens tokens,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin,
    ILogger<CreateModel> logger) : PageModel, IUserForm
{
    public const int EmailMax = 256;

    public sealed class CreateInput : UserInput
    {
        public string? Email { get; set; }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    UserInput IUserForm.Input => Input;

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = new FormCheck(ModelState, shared, admin);
        var email = check.Text("Input.Email", "Field.Email", Input.Email, EmailMax, required: true);
        if (email is not null && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError("Input.Email", shared["Validation.Email", check.Label("Field.Email")]);
            email = null;
        }

        var values = await UserFields.CheckAsync(Input, check, db, null, ct);
        if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            check.Fail("Input.Email", "Field.Email", "Validation.EmailTaken");
        }

        if (!check.IsValid || email is null || values is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var userId = await CreateAsync(email, values, ct);
        if (userId is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage("Invitation", new { id = userId });
    }

    /// <summary>User, roles and invitation commit together, or nothing is kept.</summary>
    private async Task<Guid?> CreateAsync(string email, UserFieldValues values, CancellationToken ct)
    {
        var user = new BeaconUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = values.DisplayName, AgencyId = values.Agency.Id,
        };
        string? token = null;
        var outcome = await SerializableTransaction.RunAsync(db, async () =>
        {
            var created = await users.CreateAsync(user); // no password: only the invitation link sets one
            var result = created.Succeeded ? await users.AddToRolesAsync(user, values.Roles) : created;
            if (!result.Succeeded)
            {
                AddIdentityErrors(result);
                return false;
            }

            token = await tokens.IssueInvitationAsync(user.Id, ct);
            return true;
        }, ct);
        if (outcome == SaveOutcome.Conflict)
        {
            // Most likely another request added the same email a moment ago and the unique index refused this one.
            new FormCheck(ModelState, shared, admin).Fail("Input.Email", "Field.Email", "Validation.EmailTaken");
        }

        if (outcome != SaveOutcome.Saved || token is null)
        {
            return null;
        }

        logger.LogInformation("Administrator {AdminId} created user {UserId} and issued an invitation", users.GetUserId(User), user.Id);
        InvitationModel.Remember(TempData, user.Id, token);
        return user.Id;
    }

    /// <summary>Identity's own checks, in case they refuse what ours let through (its messages are English only).</summary>
    private void AddIdentityErrors(IdentityResult result)
    {
        var check = new FormCheck(ModelState, shared, admin);
        var reasons = result.Errors.Select(e => e.Code).Select(code =>
            code.StartsWith("Duplicate", StringComparison.Ordinal) ? "Validation.EmailTaken"
            : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "Validation.EmailCharacters"
            : "Validation.NotSaved");
        foreach (var reason in reasons.Distinct())
        {
            if (reason == "Validation.NotSaved")
            {
                ModelState.AddModelError("", admin[reason]);
            }
            else
            {
                check.Fail("Input.Email", "Field.Email", reason);
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await UserFields.AgencyOptionsAsync(db, n => admin["Agencies.InactiveOption", n], null, ct);
}
