using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>What an administrator sets on any account: name, agency and roles.</summary>
public class UserInput
{
    public string? DisplayName { get; set; }
    public string? AgencyId { get; set; }
    public string[]? Roles { get; set; }
}

/// <summary>A page that shows the user fields (_UserFields.cshtml).</summary>
public interface IUserForm
{
    UserInput Input { get; }
    IReadOnlyList<SelectListItem> Agencies { get; }
}

/// <summary>The checked values of <see cref="UserInput"/>.</summary>
public sealed record UserFieldValues(string DisplayName, Agency Agency, IReadOnlyList<string> Roles);

public static class UserFields
{
    public const int DisplayNameMax = 200;

    /// <summary>Checks the fields; an inactive agency is accepted only when it is the user's current one.</summary>
    public static async Task<UserFieldValues?> CheckAsync(
        UserInput input, FormCheck check, BeaconDbContext db, Guid? currentAgencyId, CancellationToken ct = default)
    {
        var name = check.Text("Input.DisplayName", "Field.Name", input.DisplayName, DisplayNameMax, required: true);
        Agency? agency = null;
        if (Guid.TryParse(input.AgencyId, out var agencyId))
        {
            agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && (a.IsActive || a.Id == currentAgencyId), ct);
        }

        if (agency is null)
        {
            var reason = string.IsNullOrEmpty(input.AgencyId) ? "Validation.ChooseRequired" : "Validation.Choose";
            check.Fail("Input.AgencyId", "Field.Agency", reason);
        }

        var roles = (input.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Any(r => !Roles.IsKnown(r)))
        {
            check.Fail("Input.Roles", "Field.Roles", "Validation.Choose");
        }

        return name is not null && agency is not null && check.IsValid ? new UserFieldValues(name, agency, roles) : null;
    }

    /// <summary>Active agencies grouped by county, plus the user's current agency even when inactive.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> AgencyOptionsAsync(
        BeaconDbContext db, Func<string, string> inactiveLabel, Guid? include = null, CancellationToken ct = default)
    {
        var lang = Infrastructure.Localization.Language;
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive || a.Id == include)
            .Select(a => new { a.Id, a.Name, a.IsActive, a.JurisdictionId, a.Jurisdiction!.NameEn, a.Jurisdiction.NameEs })
            .ToListAsync(ct);
        var groups = new Dictionary<string, SelectListGroup>();
        return agencies
            .OrderBy(a => lang == "es" ? a.NameEs : a.NameEn, StringComparer.CurrentCulture)
            .ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a =>
            {
                if (!groups.TryGetValue(a.JurisdictionId, out var group))
                {
                    group = groups[a.JurisdictionId] = new SelectListGroup { Name = lang == "es" ? a.NameEs : a.NameEn };
                }

                return new SelectListItem(a.IsActive ? a.Name : inactiveLabel(a.Name), a.Id.ToString()) { Group = group };
            })
            .ToList();
    }
}
