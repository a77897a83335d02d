using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Core.Screening;
using Beacon.Web.Tests.Cases.Queues;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>The written report: prefilled from what Beacon knows, saved as a draft or ready to file, only by its reporter.</summary>
[Trait("Category", "Data")]
public sealed class WrittenReportTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> ClearAnswers = new() { ["third-party-benefit"] = 2, ["hotel-keys"] = 1, ["foster-care"] = 2 };

    [Fact]
    public async Task Written_FromAScreen_PrefillsTheReporterAndWhatTheScreenFoundAndFilesWithoutRetyping()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        await factory.ChangeAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == me.Id);
            (user.WorkAddress, user.WorkPhone, user.ReporterCapacity) = ("1 School Way, Auburn CA", "530-555-0100", "School counselor");
        });
        var screen = await client.StartScreenAsync(ClearAnswers, finish: true);
        var id = await client.PhoneReportAsync($"?screen={screen}");
        var instrument = factory.FullInstrument();

        var (fields, stamp) = await client.WrittenFormAsync(id);

        Assert.Equal("Test User", fields["f.reporter.name"]);
        Assert.Equal("1 School Way, Auburn CA", fields["f.reporter.address"]);
        Assert.Equal("530-555-0100", fields["f.reporter.phone"]);
        Assert.Equal("School counselor", fields["f.reporter.capacity"]);
        var information = fields["f.suspicion.information"];
        Assert.StartsWith($"Result of the Beacon screen “{instrument.Title.En}”: clear concern", information);
        var result = Scoring.Score(instrument, Scoring.ToArray(instrument, ClearAnswers));
        Assert.NotEmpty(result.Fired);
        foreach (var fired in result.Fired)
        {
            Assert.Contains($"\n- {fired.Rule.Why.En}", information);
            foreach (var met in fired.Items)
            {
                var item = instrument.Items.Single(i => i.Id == met);
                Assert.Contains($"  • {item.Text.En}: {instrument.ScaleLabel(ClearAnswers.GetValueOrDefault(met)).En}", information);
            }
        }

        Assert.Contains(instrument.Items.Single(i => i.Id == "foster-care").Text.En, information);
        Assert.StartsWith($"Beacon screen “{instrument.Title.En}” completed ", fields["f.suspicion.sources"]);
        Assert.EndsWith(" by Test User; the reporter's own observation", fields["f.suspicion.sources"]);
        Assert.Equal("", fields.GetValueOrDefault("f.child.name", ""));
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.Screen, screen), e => e is { Action: AuditAction.View, Detail: "mandated-report" });

        var filed = await client.PostWrittenAsync(id, fields, stamp, "file");

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal($"/reports/{id}", filed.Headers.Location!.OriginalString);
        var draft = WrittenReportDraft.FromJson((await factory.ReportAsync(id)).DraftJson);
        Assert.Equal(information.Replace("\r\n", "\n"), draft["suspicion.information"]);
        Assert.Empty(draft.MissingRequired(ReportingLaw.California));
        Assert.Contains(Text("Report.Complete"), await client.PageAsync($"/reports/{id}"));
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id), e => e is { Action: AuditAction.Change, Detail: "written; ready" });
    }

    [Fact]
    public async Task Written_FromACase_PrefillsTheChildAndGuardiansAndAuditsTheRead()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Caseworker);
        var name = Marker("Ximena Ordóñez ");
        var youth = await factory.WriteYouthAsync(name, "Rosa Etxeberría", County);
        var c = await factory.WriteCaseAsync(youth, me.AgencyId, me);
        var id = await client.PhoneReportAsync($"?case={c.Id}");

        var (fields, _) = await client.WrittenFormAsync(id);

        Assert.Equal($"{name} (goes by Xime)", fields["f.child.name"]);
        Assert.Equal("2/27/2011", fields["f.child.birthdate"]);
        Assert.Equal("Escuela Secundaria Quetzalcóatl", fields["f.child.school"]);
        Assert.Equal("Rosa Etxeberría (tía) — phone 831-555-0199", fields["f.guardians"]);
        Assert.Equal("the reporter's own observation", fields["f.suspicion.sources"]);
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.Youth, youth.Id), e => e is { Action: AuditAction.View, Detail: "mandated-report" });
        var html = await client.PageAsync($"/reports/{id}/written");
        Assert.Contains(Text("Field.NotKnownHint"), html);
    }

    [Fact]
    public async Task Written_ReadyToFileWithRequiredFactsMissing_NamesEachAndSavesNothing()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(id);

        var response = await client.PostWrittenAsync(id, fields, stamp, "file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        AssertFieldError(html, "f_reporter_phone", "Reporter's telephone number: this field is required.");
        AssertFieldError(html, "f_reporter_capacity", "Capacity that makes the reporter a mandated reporter: this field is required.");
        AssertFieldError(html, "f_suspicion_information", "Information that gave rise to the reasonable suspicion: this field is required.");
        Assert.DoesNotContain("href=\"#f_child_name\"", html);
        Assert.Null((await factory.ReportAsync(id)).DraftJson);
    }

    [Fact]
    public async Task Written_OnlyOptionalFactsUnknown_FilesAndTheDraftCanBeSavedIncompleteBeforeThat()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(id);
        fields["f.suspect"] = "Older man, about 30, blue sedan";

        var saved = await client.PostWrittenAsync(id, fields, stamp, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/reports/{id}/written", saved.Headers.Location!.OriginalString);
        Assert.Equal("Older man, about 30, blue sedan", WrittenReportDraft.FromJson((await factory.ReportAsync(id)).DraftJson)["suspect"]);
        var reportPage = await client.PageAsync($"/reports/{id}");
        Assert.Contains(Text("Report.StillMissing"), reportPage);
        Assert.Contains("Input.OutsideBeacon", await client.PageAsync($"/reports/{id}/sent")); // only "sent on the state's form" until complete

        await client.CompleteWrittenAsync(id);

        var draft = WrittenReportDraft.FromJson((await factory.ReportAsync(id)).DraftJson);
        Assert.Empty(draft.MissingRequired(ReportingLaw.California));
        Assert.False(draft.Has("child.name"));
        Assert.Contains($"href=\"/reports/{id}/sent\"", await client.PageAsync($"/reports/{id}"));
        Assert.DoesNotContain("Input.OutsideBeacon", await client.PageAsync($"/reports/{id}/sent"));
    }

    [Fact]
    public async Task Written_AFieldTooLong_NamesItAndSavesNothing()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(id);
        fields["f.child.grade"] = new string('9', 41);

        var response = await client.PostWrittenAsync(id, fields, stamp, "save");

        AssertFieldError(await response.HtmlAsync(), "f_child_grade", "Grade: use at most 40 characters.");
        Assert.Null((await factory.ReportAsync(id)).DraftJson);
    }

    [Fact]
    public async Task Written_RememberWorkDetails_UpdatesTheAccountAndPrefillsTheNextReport()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var first = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(first);
        fields["f.reporter.address"] = "Placer Union High, 1 School Way, Auburn CA";
        fields["f.reporter.phone"] = "530-555-0111";
        fields["f.reporter.capacity"] = "School counselor";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostWrittenAsync(first, fields, stamp, "save", remember: true)).StatusCode);

        var user = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id));
        Assert.Equal(("Placer Union High, 1 School Way, Auburn CA", "530-555-0111", "School counselor"),
            (user.WorkAddress, user.WorkPhone, user.ReporterCapacity));
        var (next, _) = await client.WrittenFormAsync(await client.PhoneReportAsync());
        Assert.Equal("530-555-0111", next["f.reporter.phone"]);
        Assert.Equal("School counselor", next["f.reporter.capacity"]);
    }

    [Fact]
    public async Task Written_SavedElsewhereSinceOpened_IsRefusedAndTheOtherSaveKept()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (fields, stamp) = await client.WrittenFormAsync(id);
        fields["f.suspect"] = "First window";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostWrittenAsync(id, fields, stamp, "save")).StatusCode);

        fields["f.suspect"] = "Second window";
        var response = await client.PostWrittenAsync(id, fields, stamp, "save");

        Assert.Contains(Text("Error.Changed"), await response.HtmlAsync());
        Assert.Equal("First window", WrittenReportDraft.FromJson((await factory.ReportAsync(id)).DraftJson)["suspect"]);
    }

    [Fact]
    public async Task Written_AnyoneButTheReporter_IsNotFoundAndTheRefusalAudited()
    {
        var agency = NewAgency();
        var (_, client) = await factory.StaffAsync(agency, Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var (supervisor, supervisorClient) = await factory.StaffAsync(agency, Roles.Supervisor);
        var (fields, stamp) = await client.WrittenFormAsync(id);

        await factory.AssertRefusedAsync(supervisorClient, supervisor, id, $"/reports/{id}/written");
        await factory.AssertRefusedAsync(supervisorClient, supervisor, id, $"/reports/{id}/sent");
        var post = await supervisorClient.PostWrittenAsync(id, fields, stamp, "save");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await factory.ReportAsync(id)).DraftJson);
    }

    [Fact]
    public async Task StaffHome_OpenReport_ShowsTheNearestClockAndTheNavLinksReports()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();

        var home = await client.PageAsync("/staff");

        Assert.Contains(Text("Home.Title"), home);
        Assert.Contains(Text("Home.One"), home);
        Assert.Contains($"<a href=\"/reports/{id}\">", home);
        Assert.Contains("<a href=\"/reports\">Reports</a>", home);
    }
}
