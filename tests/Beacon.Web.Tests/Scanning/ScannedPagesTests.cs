using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Cases.Work;
using Beacon.Web.Tests.Intake;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Scanning;

/// <summary>Where staff read notes, tips, calls and written reports, the text shows what the scanner finds, and the reads are audited as before.</summary>
[Trait("Category", "Data")]
public sealed class ScannedPagesTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static void AssertHighlighted(string html)
    {
        var text = ScanKit.TextOf(html);
        Assert.Contains("two phones (stated: Has more than one phone)", text);
        Assert.Contains("older boyfriend (denied: Talks about an older boyfriend or girlfriend)", text);
        Assert.Contains("staying at a motel (uncertain: Has run away or has no safe place to live)", text);
        Assert.DoesNotContain(ScanKit.Group(html, "present"), item => item.Contains("boyfriend", StringComparison.Ordinal));
        Assert.Contains(ScanKit.Group(html, "negated"), item => item.StartsWith("Talks about an older boyfriend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseNote_OnTheCasePageAndItsVersionsPage_ShowsHighlightsAndIsAuditedAsBefore()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = ScanKit.English }), c.Id, "case-notes");
        var noteId = await factory.QueryAsync(db => db.CaseNotes.Where(n => n.CaseId == c.Id).Select(n => n.Id).SingleAsync());

        var casePage = await (await worker.Client.GetAsync($"/cases/{c.Id}")).Content.ReadAsStringAsync();
        var notePage = await (await worker.Client.GetAsync($"/cases/{c.Id}/notes/{noteId}")).Content.ReadAsStringAsync();

        AssertHighlighted(casePage);
        AssertHighlighted(notePage);
        Assert.Contains($"id=\"n{noteId:N}-f0\"><mark>two phones</mark>", casePage);
        Assert.Equal(2, await factory.AuditedAsync(c.Id, worker.User, AuditAction.View, null!));
    }

    [Fact]
    public async Task IntakeItem_TipAndCall_ShowHighlights()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var tip = await factory.TipItemAsync(county, what: ScanKit.English);
        var call = new IntakeItem
        {
            JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = DateTime.UtcNow, LastActionUtc = DateTime.UtcNow,
            CallerName = "Synthetic Caller", Summary = ScanKit.English,
        };
        await factory.AddAsync(call);

        var tipPage = await me.Client.GetStringAsync($"/intake/{tip.Id}");
        var callPage = await me.Client.GetStringAsync($"/intake/{call.Id}");

        AssertHighlighted(tipPage);
        AssertHighlighted(callPage);
        Assert.Contains("id=\"tip-f0\"", tipPage);
        Assert.Contains("id=\"call-f0\"", callPage);
        // The tip's own read is still audited as a view of the tip.
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.RecordType == AuditRecordTypes.Tip && e.RecordId == tip.TipId.ToString() && e.UserId == me.User.Id && e.Action == AuditAction.View && e.Detail == null)));
    }

    [Fact]
    public async Task WrittenReport_Sent_ShowsTheNarrativesHighlights()
    {
        var (_, client) = await factory.StaffAsync(ReportKit.NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(id);
        fields["f.suspicion.narrative"] = ScanKit.English;
        // The prefilled "information" field names the screen's findings in the catalog's words, which the scanner
        // reads too ("Talks about an older boyfriend" is stated there); the narrative alone is under test here.
        fields["f.suspicion.information"] = "Reported by the school counselor after a talk with the student.";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PostWrittenAsync(id, fields, stamp, "save")).StatusCode);
        await client.CompleteWrittenAsync(id);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PostSentAsync(id, DateTime.UtcNow.AddMinutes(-1))).StatusCode);

        var html = await client.GetStringAsync($"/reports/{id}/written");

        AssertHighlighted(html);
        Assert.Contains("id=\"suspicion-narrative-f0\"", html);
    }
}
