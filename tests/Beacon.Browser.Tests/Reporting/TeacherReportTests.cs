using System.Text.RegularExpressions;
using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Reporting;

/// <summary>
/// A teacher's whole path, through the real pages and in the language chosen: a quick screen that comes
/// out <c>clear</c>, the phone report to the county hotline (the 36-hour clock starts), the written report
/// prefilled from what Beacon knows (only the facts it could not know are typed), the PDF, and the report
/// recorded as sent (the clock stops). Their supervisor sees the clock among the agency's open clocks
/// while it runs, and no more once it has stopped. The trail holds each step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TeacherReportTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Teacher_FromClearQuickScreenToWrittenReportSent_EveryStepShowsItsOutcome(string language)
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var school = $"Synthetic Unified School District {run}";
        var teacher = await server.CreateUserInAsync(school, $"Teacher Testperson {run}", Roles.Reporter);
        var principal = await server.CreateUserInAsync(school, $"Principal Testperson {run}", Roles.Supervisor);
        var hotline = language == "es" ? "Línea directa de Bienestar Infantil del Condado de Placer" : "Placer County Child Welfare Hotline";

        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, teacher);
        await page.ChooseLanguageAsync(server, language);

        // A quick screen, one answer sure of exploitation: clear concern, and the way to the phone report.
        await page.SaveScreenAsync(server, null, new Dictionary<string, int> { ["sex-for-value"] = 2 }, finish: true, instrument: "beacon-quick");
        await Expect(page.Locator("#level-title")).ToHaveTextAsync(S(language, "Level.Clear.Title"));
        await page.GetByRole(AriaRole.Link, new() { Name = M(language, "Screen.RecordPhoneReport"), Exact = true }).ClickAsync();

        // The phone report: the county's hotline from the directory, the time (now by default), who took it.
        await Expect(page.Locator("h1")).ToHaveTextAsync(M(language, "Phone.Title"));
        await Expect(page.Locator("main")).ToContainTextAsync(M(language, "Law.CA.Individual"));
        await page.GetByLabel(hotline).CheckAsync();
        await page.GetByLabel(M(language, "Phone.Field.TakenBy"), new() { Exact = true }).FillAsync($"Hotline Worker {run}");
        await page.Locator("#Input_Reference").FillAsync($"SYN-{run}");
        await page.GetByRole(AriaRole.Button, new() { Name = M(language, "Phone.Save"), Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ReportUrl());
        var reportId = Guid.Parse(ReportUrl().Match(page.Url).Groups["id"].Value);
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(M(language, "Phone.Notice.Saved"));
        await Expect(page.Locator(".clock-tag")).ToHaveTextAsync(M(language, "Clock.Running"));
        await Expect(page.Locator(".clock-detail")).ToHaveTextAsync(new Regex("^(" + Regex.Escape(M(language, "Clock.HoursLeft", 35)) + "|" + Regex.Escape(M(language, "Clock.HoursLeft", 36)) + ")$"));
        await Expect(page.Locator("main")).ToContainTextAsync(hotline);

        // The written report: the teacher's name and what the screen found are already there.
        await page.GetByRole(AriaRole.Link, new() { Name = M(language, "Report.Write"), Exact = true }).ClickAsync();
        await Expect(page.Locator("main [role=note]")).ToHaveTextAsync(M(language, "Written.Prefilled"));
        await Expect(page.Locator("#f_reporter_name")).ToHaveValueAsync(teacher.DisplayName);
        await Expect(page.Locator("#f_reporter_address")).ToHaveValueAsync(school); // the agency stands in for a first report
        var screenRule = (await server.InstrumentAsync("beacon-quick")).Rules.Single(r => r.Id == "exploitation-sure").Why.For(language);
        await Expect(page.Locator("#f_suspicion_information")).ToHaveValueAsync(new Regex(Regex.Escape(screenRule)));
        await Expect(page.Locator("#f_suspicion_sources")).ToHaveValueAsync(new Regex(Regex.Escape(teacher.DisplayName)));

        // Only what Beacon could not know is typed; "ready to file" stays on the report's page.
        await page.Locator("#f_reporter_address").FillAsync($"Synthetic Middle School {run}, 1 Test Way, Auburn CA");
        await page.Locator("#f_reporter_phone").FillAsync("530-555-0100");
        await page.Locator("#f_reporter_capacity").FillAsync("Teacher");
        await page.Locator("#f_suspicion_narrative").FillAsync($"Synthetic account {run}: the student said an adult pays for her phone and hotel rooms.");
        await page.Locator("#f_child_name").FillAsync($"Student Testchild {run}");
        await page.Locator("#f_child_grade").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = M(language, "Written.Ready"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"/reports/{reportId}"));
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(M(language, "Written.Notice.Ready"));
        await Expect(page.Locator("main")).ToContainTextAsync(M(language, "Report.Complete"));

        // The PDF: every fact typed or prefilled, an unknown one marked as unknown.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = M(language, "Report.Pdf"), Exact = true }).ClickAsync());
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var fact in new[] { teacher.DisplayName, $"SYN-{run}", $"Hotline Worker {run}", $"Testchild {run}", "530-555-0100" })
            {
                Assert.Contains(fact, text, StringComparison.Ordinal);
            }

            Assert.Contains(M(language, "Pdf.Unknown"), text, StringComparison.Ordinal);
        }

        // The supervisor sees the running clock among the agency's open clocks.
        await using var supervisorSession = await browser.OpenAsync(server);
        var supervisorPage = await supervisorSession.NewPageAsync();
        await supervisorPage.SignInAsync(server, principal);
        await supervisorPage.GotoAsync(server.Url("/reports"));
        var agencyClocks = supervisorPage.GetByRole(AriaRole.Region, new() { Name = server.Text<ReportingResource>("en", "Reports.AgencyOpen"), Exact = true });
        await Expect(agencyClocks).ToContainTextAsync(teacher.DisplayName);
        await Expect(agencyClocks).ToContainTextAsync(server.Text<ReportingResource>("en", "Clock.Running"));
        await agencyClocks.Locator($"a[href='/reports/{reportId}']").ClickAsync();
        await Expect(supervisorPage.Locator(".clock-tag")).ToHaveTextAsync(server.Text<ReportingResource>("en", "Clock.Running"));
        await Expect(supervisorPage.Locator("main [role=note]")).ToHaveTextAsync(server.Text<ReportingResource>("en", "Report.SupervisorView", teacher.DisplayName));

        // Sent by fax, confirmed: the clock stops, on time.
        await page.GetByRole(AriaRole.Link, new() { Name = M(language, "Report.RecordSent"), Exact = true }).ClickAsync();
        await page.GetByLabel(server.Text<ReportingResource>(language, "SentMethod.Fax"), new() { Exact = true }).CheckAsync(); // "Fax" in both
        await page.Locator("#Input_To").FillAsync("Fax 530-555-0199");
        await page.Locator("#Input_Confirmed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = M(language, "Sent.Record"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"/reports/{reportId}"));
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(M(language, "Sent.Notice.Recorded"));
        await Expect(page.Locator(".clock-tag")).ToHaveTextAsync(M(language, "Clock.SentOnTime"));

        await supervisorPage.GotoAsync(server.Url("/reports"));
        await Expect(agencyClocks).ToContainTextAsync(server.Text<ReportingResource>("en", "Reports.NoneAgency"));

        // The trail: made, filed, exported and sent by the teacher, looked at by the supervisor.
        var trail = await server.AuditOfAsync(AuditRecordTypes.MandatedReport, reportId);
        Assert.Equal((AuditAction.Create, teacher.Id), (trail[0].Action, trail[0].UserId!.Value));
        Assert.Equal(["written; ready; work-details", "sent; on-time"],
            trail.Where(e => e.Action == AuditAction.Change && e.UserId == teacher.Id).Select(e => e.Detail));
        Assert.Contains(trail, e => e.Action == AuditAction.Export && e.UserId == teacher.Id);
        Assert.Contains(trail, e => e.Action == AuditAction.View && e.UserId == principal.Id);
        Assert.Null((await server.VerifyAuditAsync()).Break);
    }

    private string M(string language, string key, params object[] arguments) => server.Translated<ReportingResource>(language, key, arguments);

    private string S(string language, string key, params object[] arguments) => server.Translated<ScreeningResource>(language, key, arguments);

    [GeneratedRegex("/reports/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ReportUrl();
}
