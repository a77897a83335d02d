using Beacon.Core.Accounts;
using Beacon.Core.Jurisdictions;
using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>A demo agency and the staff the volume writes as: who screens, who owns cases, who decides referrals.</summary>
public sealed record VolumeAgency(Guid Id, string Name, double ScreenWeight, Guid[] Screeners, Guid[] Caseworkers, Guid Supervisor, Guid[] Reporters);

/// <summary>One demo county as the volume sees it: its share of the screens, its agencies, its hotline and MDT limit.</summary>
public sealed record VolumeCounty(string Id, double Share, VolumeAgency[] Agencies, string? HotlineId, string HotlineName, int MdtHours)
{
    public VolumeAgency Welfare => Agencies.Single(a => a.Name == "Demo Child Welfare");
    public VolumeAgency Probation => Agencies.Single(a => a.Name == "Demo Probation");

    /// <summary>
    /// Reads a county's demo agencies ("Demo ..." with staff who screen) and their staff by role. Screens are spread
    /// by <paramref name="weights"/> (agency name → weight); an agency not named there takes no screens.
    /// </summary>
    public static async Task<VolumeCounty> LoadAsync(
        BeaconDbContext db, string county, double share, IReadOnlyDictionary<string, double> weights, int mdtHours, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.JurisdictionId == county && a.Name.StartsWith("Demo ")).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(u.AgencyId) && u.Email!.EndsWith("@" + SeedDemoCommand.EmailDomain)
                           orderby u.Email
                           select new { u.Id, u.AgencyId, Role = r.Name }).ToListAsync(ct);
        Guid[] Of(Guid agency, params string[] roles) => staff.Where(s => s.AgencyId == agency && roles.Contains(s.Role!)).Select(s => s.Id).ToArray();
        var volume = agencies.Where(a => weights.ContainsKey(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new VolumeAgency(
            a.Id, a.Name, weights[a.Name], Of(a.Id, Roles.Caseworker, Roles.Reporter), Of(a.Id, Roles.Caseworker),
            Of(a.Id, Roles.Supervisor).First(), Of(a.Id, Roles.Reporter))).ToArray();
        var hotline = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.JurisdictionId == county && c.Kind == ContactKind.ChildWelfareHotline, ct);
        return new VolumeCounty(county, share, volume, hotline?.Id, hotline?.NameEn ?? "County child welfare hotline", mdtHours);
    }
}
