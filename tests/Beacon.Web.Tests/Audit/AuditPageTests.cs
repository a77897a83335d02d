using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Audit;

/// <summary><c>/admin/audit</c>: filters, the empty state, the chain check on request, and the audited CSV export.</summary>
[Trait("Category", "Data")]
public sealed class AuditPageTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Page_FilteredByRecord_ShowsOnlyThatRecordsEntries()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        await factory.AppendAsync("filter-me");
        await factory.AppendAsync("not-me");

        var html = await (await client.GetAsync("/admin/audit?type=Tip&record=filter-me&action=View")).HtmlAsync();

        Assert.Contains("filter-me", html);
        Assert.DoesNotContain("not-me", html);
    }

    [Fact]
    public async Task Page_NothingMatches_ShowsTheEmptyState()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();

        var html = await (await client.GetAsync("/admin/audit?record=no-such-record&from=2001-01-01&to=2001-01-02")).HtmlAsync();

        Assert.Equal("No audit entries match these filters.", AdminTestKit.TextOf(html, "audit-empty"));
    }

    [Fact]
    public async Task Page_Spanish_ShowsSpanishLabels()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();

        var html = await (await client.GetAsync("/admin/audit?lang=es&record=no-such-record")).HtmlAsync();

        Assert.Contains("Registro de auditoría", html);
    }

    [Fact]
    public async Task VerifyButton_IntactTrail_SaysVerifiedUpToTheHead()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        await factory.AppendAsync("verify-me");

        var response = await client.PostFormAsync("/admin/audit", new Dictionary<string, string>(), "/admin/audit?handler=Verify");

        var status = AdminTestKit.TextOf(await response.HtmlAsync(), "chain-status");
        var head = (await factory.EntriesAsync())[^1];
        Assert.StartsWith($"Verified up to entry {head.Sequence}.", status);
    }

    [Fact]
    public async Task Csv_FormulaInDetail_IsGuardedAndTheExportIsAudited()
    {
        var (admin, client) = await factory.SignedInAdministratorAsync();
        await factory.Services.GetRequiredService<AuditTrail>().AppendAsync(
            new AuditRecord(AuditAction.Change, AuditRecordTypes.Tip, "csv-row", AuditOutcome.Allowed, null, null, "=HYPERLINK(\"http://x\")"));

        var response = await client.GetAsync("/admin/audit?handler=Csv&record=csv-row");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        var export = Assert.Single(await factory.EntriesAsync(), e => e.UserId == admin.Id && e.Action == AuditAction.Export);
        Assert.Equal((AuditRecordTypes.AuditTrail, Roles.Administrator, "csv 1 rows"), (export.RecordType, export.Role, export.Detail));
    }

    [Fact]
    public async Task Csv_Supervisor_IsRefusedAndNothingIsExported()
    {
        var supervisor = await factory.CreateAsync(Roles.Supervisor, Roles.Caseworker);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(supervisor);

        var response = await client.GetAsync("/admin/audit?handler=Csv");

        AdminTestKit.AssertRedirect(response, "/account/access-denied");
        Assert.DoesNotContain(await factory.EntriesAsync(), e => e.UserId == supervisor.Id && e.Action == AuditAction.Export);
    }
}
