using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Agencies;

/// <summary>What an administrator sets on an agency (its county is chosen once, when it is added).</summary>
public class AgencyInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? PublicContact { get; set; }
}

public sealed record AgencyValues(string Name, string? Role, string? PublicContact);

public static class AgencyFields
{
    public const int NameMax = 200;
    public const int RoleMax = 200;
    public const int PublicContactMax = 300;

    /// <summary>Checks the fields; a name must be unique within its county, whatever its capitals.</summary>
    public static async Task<AgencyValues?> CheckAsync(
        AgencyInput input, FormCheck check, BeaconDbContext db, string? jurisdictionId, Guid? self, CancellationToken ct)
    {
        var name = check.Text("Input.Name", "Field.AgencyName", input.Name, NameMax, required: true);
        var role = check.Text("Input.Role", "Field.AgencyRole", input.Role, RoleMax, required: false);
        var contact = check.Text("Input.PublicContact", "Field.PublicContact", input.PublicContact, PublicContactMax, required: false);
        if (name is not null && jurisdictionId is not null && await NameTakenAsync(db, jurisdictionId, name, self, ct))
        {
            check.Fail("Input.Name", "Field.AgencyName", "Validation.AgencyNameTaken");
        }

        return check.IsValid && name is not null ? new AgencyValues(name, role, contact) : null;
    }

    private static async Task<bool> NameTakenAsync(BeaconDbContext db, string jurisdictionId, string name, Guid? self, CancellationToken ct)
    {
        // Compared in memory: a county has tens of agencies, and the providers differ on case-insensitive SQL.
        var names = await db.Agencies.Where(a => a.JurisdictionId == jurisdictionId && a.Id != self)
            .Select(a => a.Name).ToListAsync(ct);
        return names.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
