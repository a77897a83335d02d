using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>A caseworker of another agency of the county, by the names the case pages show.</summary>
public sealed record PartnerCaseworker(Guid AgencyId, string AgencyName, Guid UserId, string DisplayName);

/// <summary>What a case's pages need around them: a partner agency with a caseworker, and the audit trail read back.</summary>
public static class CaseDayPages
{
    /// <summary>
    /// A new active agency of Placer County with one caseworker (who never signs in here), so that a
    /// referral has somewhere to go and an MDT meeting someone to invite.
    /// </summary>
    public static async Task<PartnerCaseworker> AddPartnerCaseworkerAsync(this BeaconServer server, string agencyName, string displayName)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var agency = new Agency { JurisdictionId = "placer", Name = agencyName, IsActive = true };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();

        var email = $"partner-{Guid.NewGuid():N}@beacon.test";
        var user = new BeaconUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, AgencyId = agency.Id };
        Check(await users.CreateAsync(user, StaffAccounts.Password));
        Check(await users.AddToRoleAsync(user, Roles.Caseworker));
        return new PartnerCaseworker(agency.Id, agencyName, user.Id, displayName);
    }

    /// <summary>The audit trail's entries about one record, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditLogEntry>> AuditOfAsync(this BeaconServer server, string recordType, Guid recordId)
    {
        using var scope = server.Services.CreateScope();
        var id = recordId.ToString();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == id)
            .OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>The whole hash chain checked against its head, as <c>beacon audit verify</c> does.</summary>
    public static async Task<AuditVerificationResult> VerifyAuditAsync(this BeaconServer server)
    {
        using var scope = server.Services.CreateScope();
        return await AuditVerification.RunAsync(scope.ServiceProvider.GetRequiredService<BeaconDbContext>());
    }

    /// <summary>The value of a term of the page's top summary list (<c>main &gt; dl.summary</c>), such as the case's status.</summary>
    public static ILocator SummaryValue(this IPage page, string term) =>
        page.Locator("main > dl.summary > dt").Filter(new() { HasTextRegex = new(ExactText(term)) })
            .Locator("xpath=following-sibling::dd[1]");

    /// <summary>A pattern matching exactly <paramref name="text"/>, ignoring the whitespace around it.</summary>
    public static string ExactText(string text) => $"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
