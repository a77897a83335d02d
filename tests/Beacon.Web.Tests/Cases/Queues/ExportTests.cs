using System.Net;
using System.Text;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using static Beacon.Web.Tests.Cases.Queues.QueueKit;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary>The case summary PDF, the caseload CSV and the case page's actions: only for those allowed, audited, not cached.</summary>
[Trait("Category", "Data")]
public sealed class ExportTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Summary_AssignedCaseworker_GetsThePdfWithTheCaseAndItIsAudited()
    {
        var (me, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var name = Marker("Ximena Ordóñez ");
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(name, "Rosa Etxeberría", "placer"), me.AgencyId, me);
        var m = Marker("");
        var note = new CaseNote { CaseId = c.Id, AuthorId = me.Id, CreatedUtc = DateTime.UtcNow };
        note.Versions.Add(new CaseNoteVersion { Number = 1, Text = $"First words {m}", EditedByUserId = me.Id, EditedUtc = DateTime.UtcNow });
        note.Versions.Add(new CaseNoteVersion { Number = 2, Text = $"Corrected words {m}", EditedByUserId = me.Id, EditedUtc = DateTime.UtcNow });
        await factory.AddAsync(note);
        await factory.AddAsync(Task(c, $"Call the counsellor {m}", Today.AddDays(2), me));
        await factory.AddAsync(new SafetyPlan { CaseId = c.Id, Text = $"Stays with her aunt {m}", UpdatedByUserId = me.Id, UpdatedUtc = DateTime.UtcNow });

        var response = await client.GetAsync($"/cases/{c.Id}/summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the PDF may be cached");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfText.Read(pdf).All;
        Assert.Contains("Case summary", text);
        Assert.Contains("Confidential — contains a youth's personal information", text);
        Assert.Contains(name, text);
        Assert.Contains($"Corrected words {m}", text);
        Assert.DoesNotContain($"First words {m}", text);
        Assert.Contains($"Call the counsellor {m}", text);
        Assert.Contains($"Stays with her aunt {m}", text);
        Assert.Contains(await factory.AuditOfAsync(me), e => e is { Action: AuditAction.Export, RecordType: AuditRecordTypes.Case, Detail: "summary-pdf" }
                                                           && e.RecordId == c.Id.ToString());
    }

    [Fact]
    public async Task Summary_InSpanish_HasSpanishLabels()
    {
        var (me, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer"), me.AgencyId, me);

        var text = PdfText.Read(await client.GetByteArrayAsync($"/cases/{c.Id}/summary?lang=es")).All;

        Assert.Contains("Resumen del caso", text);
        Assert.Contains("Confidencial — contiene información personal de un joven", text);
        Assert.Contains("Historial de estados", text);
    }

    [Fact]
    public async Task Summary_OtherAgencyOrReferralOnly_IsRefusedAndAudited()
    {
        var owner = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var (stranger, strangerClient) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var (referred, referredClient) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer"), owner.AgencyId, owner);
        await factory.AddAsync(Referral(c, referred.AgencyId, SharedParts.Identity | SharedParts.Notes, owner));

        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/cases/{c.Id}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referredClient.GetAsync($"/cases/{c.Id}/summary")).StatusCode);

        foreach (var user in new[] { stranger, referred })
        {
            var audit = await factory.AuditOfAsync(user);
            Assert.Contains(audit, e => e.Action == AuditAction.AccessRefused && e.RecordId == c.Id.ToString());
            Assert.DoesNotContain(audit, e => e.Action == AuditAction.Export);
        }
    }

    [Fact]
    public async Task CaseActions_ShownByRelation_SupervisorBothCaseworkerDownloadReferralNeither()
    {
        var agency = NewAgency();
        var (_, supervisorClient) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        var (me, client) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var (referred, referredClient) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer"), me.AgencyId, me);
        await factory.AddAsync(Referral(c, referred.AgencyId, SharedParts.Identity, me));
        var assign = $"href=\"/cases/{c.Id}/assign\"";
        var summary = $"href=\"/cases/{c.Id}/summary\"";

        var supervisor = await (await supervisorClient.GetAsync($"/cases/{c.Id}")).HtmlAsync();
        var caseworker = await (await client.GetAsync($"/cases/{c.Id}")).HtmlAsync();
        var referral = await (await referredClient.GetAsync($"/cases/{c.Id}")).HtmlAsync();

        Assert.Contains(assign, supervisor);
        Assert.Contains(summary, supervisor);
        Assert.DoesNotContain(assign, caseworker);
        Assert.Contains(summary, caseworker);
        Assert.Contains("Download case summary (PDF)", caseworker);
        Assert.DoesNotContain(assign, referral);
        Assert.DoesNotContain(summary, referral);
    }

    [Fact]
    public async Task Caseload_Csv_HasVisibleCasesOnlyGuardsFormulasAndIsAudited()
    {
        var (me, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var stranger = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var youth = new Youth
        {
            JurisdictionId = "placer", LegalName = Marker("Ximena "), PreferredName = "=HYPERLINK(\"http://evil.test\")",
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        await factory.AddAsync(youth);
        var mine = await factory.WriteCaseAsync(youth, me.AgencyId, me);
        await factory.AddAsync(Task(mine, "Open task", Today.AddDays(4), me), Task(mine, "Later task", Today.AddDays(9), me));
        var theirs = await factory.WriteCaseAsync(youth, stranger.AgencyId, stranger);

        var response = await client.GetAsync("/cases/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the CSV may be cached");
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Case ID,Youth,Status,Agency,Caseworker,", csv.TrimStart('\uFEFF'));
        var row = Assert.Single(csv.Split("\r\n"), l => l.StartsWith(mine.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"", row);
        Assert.Contains($",2,{Today.AddDays(4):yyyy-MM-dd}", row);
        Assert.DoesNotContain(theirs.Id.ToString(), csv);
        Assert.Contains(await factory.AuditOfAsync(me), e => e is { Action: AuditAction.Export, RecordType: AuditRecordTypes.Caseload }
                                                           && e.RecordId == me.Id.ToString());
    }
}
