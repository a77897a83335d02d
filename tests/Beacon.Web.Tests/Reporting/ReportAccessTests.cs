using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>
/// A report is its reporter's; the supervisors of its agency in its county read it and watch its clock;
/// anyone else gets 404 with the refusal audited. Every look, change and export is in the audit trail.
/// </summary>
[Trait("Category", "Data")]
public sealed class ReportAccessTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Report_SupervisorOfTheAgency_ReadsTheClockButNotTheChildsFactsAndChangesNothing()
    {
        var agency = NewAgency();
        var (_, client) = await factory.StaffAsync(agency, Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (supervisor, supervisorClient) = await factory.StaffAsync(agency, Roles.Supervisor);

        var page = await supervisorClient.PageAsync($"/reports/{id}");
        var list = await supervisorClient.PageAsync("/reports");
        var pdf = await supervisorClient.GetAsync($"/reports/{id}/pdf");

        Assert.Contains(Text("Report.SupervisorView").Replace("{0}", "Test User"), page);
        Assert.Contains(Text("Clock.Title"), page);
        Assert.DoesNotContain($"href=\"/reports/{id}/written\"", page);
        Assert.DoesNotContain($"href=\"/reports/{id}/pdf\"", page);
        Assert.Contains($"href=\"/reports/{id}\"", list);
        // The PDF holds the child's facts: the reporter's to send, not the supervisor's to read.
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        var audit = await factory.AuditOfAsync(supervisor, AuditRecordTypes.MandatedReport, id);
        Assert.Contains(audit, e => e is { Action: AuditAction.View, Detail: "supervisor" });
        Assert.Contains(audit, e => e is { Action: AuditAction.AccessRefused, Detail: "write" });
        Assert.DoesNotContain(audit, e => e.Action == AuditAction.Export);
    }

    [Fact]
    public async Task Report_AnotherAgencyAnotherCountyOrACaseworkerNotTheReporter_IsNotFoundAndAudited()
    {
        var agency = NewAgency();
        var (_, client) = await factory.StaffAsync(agency, Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var outsiders = new[]
        {
            await factory.StaffAsync(NewAgency(), Roles.Supervisor),
            await factory.StaffAsync(agency, Roles.Supervisor, county: "monterey"),
            await factory.StaffAsync(agency, Roles.Caseworker),
            await factory.StaffAsync(agency, Roles.Reporter),
        };

        foreach (var (user, outsider) in outsiders)
        {
            foreach (var path in new[] { $"/reports/{id}", $"/reports/{id}/pdf", $"/reports/{id}/written", $"/reports/{id}/sent" })
            {
                await factory.AssertRefusedAsync(outsider, user, id, path);
            }

            Assert.DoesNotContain($"href=\"/reports/{id}\"", await outsider.PageAsync("/reports"));
            Assert.DoesNotContain(await factory.AuditOfAsync(user, AuditRecordTypes.MandatedReport, id), e => e.Action != AuditAction.AccessRefused);
        }
    }

    [Fact]
    public async Task Report_ItsLife_IsAuditedAsCreateViewChangeExportAndSent()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Caseworker);
        var id = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: DateTime.UtcNow.AddHours(-1)));
        await client.PageAsync($"/reports/{id}");
        await client.CompleteWrittenAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSentAsync(id, DateTime.UtcNow)).StatusCode);

        var audit = await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id);

        Assert.Equal(
            ["Create phone; no screen", "View ", "View ", "Change written; ready", "View ", "Export pdf", "View ", "Change sent; on-time"],
            audit.Select(e => $"{e.Action} {e.Detail}"));
        Assert.All(audit, e => Assert.Equal(AuditOutcome.Allowed, e.Outcome));
        Assert.All(audit, e => Assert.DoesNotContain("Intake worker", e.Detail ?? ""));
    }
}
