using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Training;

/// <summary>
/// Who in an agency is trained: a principal (supervisor) sees their own school's staff, a trainer every agency of
/// their county, nobody else's; each view and CSV is audited, and a roster out of reach is not found.
/// </summary>
[Trait("Category", "Data")]
public sealed class RosterTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private Task<(TestUser User, HttpClient Client)> StaffAsync(string county, string agency, string name, params string[] roles) =>
        factory.NamedStaffAsync(county, agency, name, roles);

    private static string School() => "School " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Principal_SeesWhoInTheirSchoolPassedAndWhoHasNot_AndTheCsvSaysTheSame()
    {
        var school = School();
        var (_, passer) = await StaffAsync("placer", school, "Ana Torres", Roles.Reporter);
        await StaffAsync("placer", school, "Ben Ruiz", Roles.Reporter);
        await StaffAsync("placer", School(), "Elsewhere Person", Roles.Reporter);
        var (principal, client) = await StaffAsync("placer", school, "Principal Diaz", Roles.Supervisor);
        await passer.TakeQuizAsync(factory, TrainingKit.DutyToReport, right: 10);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/training/roster"));
        var csv = await client.GetAsync($"/training/roster?handler=Csv&agency={principal.AgencyId}");
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("Ana Torres", page, StringComparison.Ordinal);
        Assert.Contains("Ben Ruiz", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere Person", page, StringComparison.Ordinal);
        Assert.Contains("Your duty to report (California): 1 of 3 staff passed and not lapsed", page, StringComparison.Ordinal);
        Assert.Contains("Required, not taken", page, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, rows.Length);
        var ana = rows.Single(r => r.StartsWith("Ana Torres,", StringComparison.Ordinal));
        var today = Core.TaskForce.PacificTime.FromUtc(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($",{today},", ana, StringComparison.Ordinal);
        Assert.Contains("Current", ana, StringComparison.Ordinal);
        var audit = await factory.QueryAsync(db => db.AuditLog.Where(e => e.UserId == principal.Id && e.RecordType == AuditRecordTypes.TrainingRoster)
            .Select(e => new { e.Action, e.RecordId }).ToListAsync());
        Assert.Equal([(AuditAction.View, principal.AgencyId.ToString()), (AuditAction.Export, principal.AgencyId.ToString())],
            audit.Select(a => (a.Action, a.RecordId)));
    }

    [Fact]
    public async Task Principal_AskingForAnotherAgency_IsNotFoundAndRefusalAudited()
    {
        var (other, _) = await StaffAsync("placer", School(), "Someone Else", Roles.Reporter);
        var (principal, client) = await StaffAsync("placer", School(), "Principal Diaz", Roles.Supervisor);

        var page = await client.GetAsync($"/training/roster?agency={other.AgencyId}");
        var csv = await client.GetAsync($"/training/roster?handler=Csv&agency={other.AgencyId}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.UserId == principal.Id && e.Action == AuditAction.AccessRefused && e.RecordType == AuditRecordTypes.TrainingRoster)));
    }

    [Fact]
    public async Task Trainer_ChoosesAmongTheirCountysAgencies_NotAnotherCountys()
    {
        var placerSchool = School();
        var (placer, _) = await StaffAsync("placer", placerSchool, "Placer Teacher", Roles.Reporter);
        var (monterey, _) = await StaffAsync("monterey", School(), "Monterey Teacher", Roles.Reporter);
        var (_, trainer) = await StaffAsync("placer", "Placer Task Force " + Guid.NewGuid().ToString("N")[..6], "Trainer Lee", Roles.Trainer);

        var list = await trainer.GetStringAsync("/training/roster");
        var school = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/training/roster?agency={placer.AgencyId}"));
        var refused = await trainer.GetAsync($"/training/roster?agency={monterey.AgencyId}");

        Assert.Contains($"<option value=\"{placer.AgencyId}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{monterey.AgencyId}\"", list, StringComparison.Ordinal);
        Assert.Contains("Placer Teacher", school, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Analyst)]
    public async Task Roster_OtherRoles_AreRefused(string role)
    {
        var (_, client) = await StaffAsync("placer", School(), "Not A Reader", role);

        var response = await client.GetAsync("/training/roster");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true,
            $"{role} got {(int)response.StatusCode}");
    }
}
