using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Accounts;

/// <summary>Applies <see cref="PasswordRules"/> inside Identity, with messages in the visitor's language.</summary>
public sealed class BeaconPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<BeaconUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<BeaconUser> manager, BeaconUser user, string? password)
    {
        var problems = PasswordRules.Check(password ?? "", user.Email, user.UserName, user.DisplayName);
        if (problems.Count == 0)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = problems.Select(p => new IdentityError { Code = "Password" + p, Description = Describe(p) });
        return Task.FromResult(IdentityResult.Failed([.. errors]));
    }

    private string Describe(PasswordProblem problem) => problem switch
    {
        PasswordProblem.TooShort => string.Format(t["Password.TooShort"], PasswordRules.MinLength),
        PasswordProblem.TooLong => string.Format(t["Password.TooLong"], PasswordRules.MaxLength),
        PasswordProblem.Common => t["Password.Common"],
        _ => t["Password.MatchesAccount"],
    };
}
