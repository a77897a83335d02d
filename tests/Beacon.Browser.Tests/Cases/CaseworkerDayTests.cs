using System.Globalization;
using System.Text.RegularExpressions;
using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Cases;

/// <summary>
/// A caseworker's day, through the real pages and in the language chosen: a new youth record, a case
/// opened on it, a finished screen attached, a note, a referral to another agency of the county, an
/// emergency MDT meeting with that agency's caseworker, the meeting recorded (attendance, decisions,
/// an action item that becomes the case's task), and the case moved along its statuses to closed; then
/// axe on the pages of the case, and the audit trail read back and verified.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseworkerDayTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task CaseworkerDay_FromNewYouthToClosedCase_EveryStepShowsItsOutcome(string language)
    {
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var partner = await server.AddPartnerCaseworkerAsync($"Synthetic Youth Services {run}", $"Partner Caseworker {run}");
        var me = $"{caseworker.DisplayName}, Test Agency"; // as the meeting page names a person
        var legalName = $"Testcase Fakeyouth {run}";
        var preferredName = $"Fakey {run}";
        var reference = $"DAY-{run}";
        var noteText = $"Synthetic note {run}: met the youth at school with the counsellor.";
        var request = $"Synthetic request {run}: a housing assessment this week.";
        var location = $"Synthetic room {run}";
        var decisions = $"Synthetic decisions {run}: safe placement tonight; housing referral stands.";
        var actionTitle = $"Synthetic action {run}: call the school";
        var full = await server.InstrumentAsync();

        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await page.ChooseLanguageAsync(server, language);

        // A finished screen of the youth, saved through the screening form (clear concern).
        var screenId = await page.SaveScreenAsync(server, reference, new Dictionary<string, int> { ["sex-for-value"] = 2 }, finish: true);
        await Expect(page.Locator("#level-title")).ToHaveTextAsync(S(language, "Level.Clear.Title"));

        // Staff home → a new youth record.
        await page.GotoAsync(server.Url("/staff"));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Y(language, "Youth.New.Title"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/youth/new"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Y(language, "Youth.New.Title"));
        await page.GetByLabel(Y(language, "Youth.Field.LegalName"), new() { Exact = true }).FillAsync(legalName);
        await page.GetByLabel(Y(language, "Youth.Field.PreferredName")).FillAsync(preferredName);
        await page.GetByLabel(Y(language, "Youth.Field.DateOfBirth")).FillAsync("2010-05-04");
        await page.GetByLabel(Y(language, "Youth.Field.Language")).SelectOptionAsync(new SelectOptionValue { Label = Y(language, "Language.es") });
        await page.GetByRole(AriaRole.Button, new() { Name = Y(language, "Youth.New.Save"), Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(YouthUrl());
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Y(language, "Youth.Notice.Created"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Y(language, "Youth.Details.Named", legalName));
        await Expect(page.Locator("main")).ToContainTextAsync(Y(language, "Youth.NoCases"));

        // Open a case: the case page, open, assigned to me, nothing in it yet.
        await page.GetByRole(AriaRole.Button, new() { Name = Y(language, "Youth.OpenCase"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        var caseId = Guid.Parse(CaseUrl().Match(page.Url).Groups["id"].Value);
        var casePath = $"/cases/{caseId}";
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{C(language, "Case.Title")}: {preferredName}");
        await Expect(page.SummaryValue(C(language, "Case.Status"))).ToHaveTextAsync(C(language, "CaseStatus.Open"));
        await Expect(page.SummaryValue(C(language, "Case.Assigned"))).ToHaveTextAsync(caseworker.DisplayName);
        await Expect(Section(page, C(language, "Screens.Title"))).ToContainTextAsync(C(language, "Screens.NoneCanAttach"));
        await Expect(Section(page, C(language, "Notes.Title"))).ToContainTextAsync(C(language, "Notes.NoneCanAdd"));
        await Expect(Section(page, R(language, "Section.Referrals"))).ToContainTextAsync(R(language, "Section.Referrals.EmptyCanRefer"));
        await Expect(Section(page, R(language, "Section.Meetings"))).ToContainTextAsync(R(language, "Section.Meetings.EmptyCanSchedule"));

        // Attach the screen.
        await Section(page, C(language, "Screens.Title")).GetByRole(AriaRole.Link, new() { Name = C(language, "Screens.Attach"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"{casePath}/screens/attach"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(C(language, "Screens.Attach"));
        var choice = page.Locator($"input[name=screenId][value='{screenId}']");
        await Expect(page.Locator($"label[for='{await choice.GetAttributeAsync("id")}']"))
            .ToContainTextAsync(C(language, "Screens.Reference", reference));
        await choice.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = C(language, "Screens.AttachButton"), Exact = true }).ClickAsync();
        await ExpectBackOnCaseAsync(page, casePath, C(language, "Screens.Notice.Attached"));
        var screens = Section(page, C(language, "Screens.Title"));
        await Expect(screens.Locator($"a[href='/screening/{screenId}']")).ToHaveTextAsync(full.Title.For(language));
        await Expect(screens).ToContainTextAsync(S(language, "Level.Clear.Title"));

        // Add a note.
        await Section(page, C(language, "Notes.Title")).GetByRole(AriaRole.Link, new() { Name = C(language, "Notes.Add"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"{casePath}/notes/new"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(C(language, "Notes.Add"));
        await page.GetByLabel(C(language, "Notes.Text"), new() { Exact = true }).FillAsync(noteText);
        await page.GetByRole(AriaRole.Button, new() { Name = C(language, "Notes.Save"), Exact = true }).ClickAsync();
        await ExpectBackOnCaseAsync(page, casePath, C(language, "Notes.Notice.Added"));
        await Expect(Section(page, C(language, "Notes.Title")).Locator("li.note")).ToContainTextAsync(noteText);

        // Refer to the partner agency, on the youth's consent, sharing services.
        await Section(page, R(language, "Section.Referrals")).GetByRole(AriaRole.Link, new() { Name = R(language, "Referral.New.Title"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"{casePath}/referrals/new"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(R(language, "Referral.New.Title"));
        await page.GetByLabel(R(language, "Referral.Field.ToAgency"), new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = partner.AgencyName });
        await page.GetByLabel(R(language, "Referral.Field.Request"), new() { Exact = true }).FillAsync(request);
        await page.GetByLabel(R(language, "Basis.YouthConsent"), new() { Exact = true }).CheckAsync();
        await page.GetByLabel(R(language, "Part.Services"), new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = R(language, "Referral.Send"), Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ReferralUrl());
        var referralPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(R(language, "Referral.Notice.Sent"));
        await Expect(page.Locator("h1 .tag")).ToHaveTextAsync(R(language, "ReferralStatus.Requested"));
        var facts = page.Locator("main dl.summary");
        await Expect(facts).ToContainTextAsync(partner.AgencyName);
        await Expect(facts).ToContainTextAsync(R(language, "Basis.YouthConsent"));
        await Expect(facts).ToContainTextAsync(R(language, "Part.Services"));
        await Expect(facts).ToContainTextAsync(request);
        await page.GetByRole(AriaRole.Link, new() { Name = R(language, "Sharing.BackToCase"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url(casePath));
        var referrals = Section(page, R(language, "Section.Referrals"));
        await Expect(referrals.GetByRole(AriaRole.Heading, new() { Name = R(language, "Section.Referrals.To", partner.AgencyName), Exact = true }))
            .ToBeVisibleAsync();
        await Expect(referrals).ToContainTextAsync(R(language, "ReferralStatus.Requested"));

        // Schedule an emergency MDT meeting for tomorrow morning, inviting the partner's caseworker.
        await Section(page, R(language, "Section.Meetings")).GetByRole(AriaRole.Link, new() { Name = R(language, "Meeting.New.Title"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"{casePath}/meetings/new"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(R(language, "Meeting.New.Title"));
        var today = DateOnly.FromDateTime(PacificTime.FromUtc(DateTime.UtcNow));
        await page.GetByLabel(R(language, "MeetingKind.Emergency"), new() { Exact = true }).CheckAsync();
        await page.GetByLabel(R(language, "Meeting.Field.Scheduled"), new() { Exact = true })
            .FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00");
        await page.GetByLabel(R(language, "Meeting.Field.Location"), new() { Exact = true }).FillAsync(location);
        await page.GetByRole(AriaRole.Group, new() { Name = partner.AgencyName, Exact = true })
            .GetByLabel(partner.DisplayName, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = R(language, "Meeting.Schedule"), Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(MeetingUrl());
        var meetingPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(R(language, "Meeting.Notice.Scheduled"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(R(language, "MeetingKind.Emergency"));
        await Expect(page.SummaryValue(R(language, "Meeting.Field.Location"))).ToHaveTextAsync(location);
        var partnerLine = $"{partner.DisplayName}, {partner.AgencyName}";
        await Expect(page.Locator("main > ul > li")).ToHaveTextAsync([$"{partnerLine}: {R(language, "Meeting.Invited")}"]);

        // Record the meeting: held, the partner attended, the decisions, one action item for me.
        await page.GetByLabel(partnerLine, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(R(language, "Meeting.Field.Decisions")).FillAsync(decisions);
        await page.GetByLabel(R(language, "Meeting.Field.Held"), new() { Exact = true }).CheckAsync();
        var action = page.GetByRole(AriaRole.Group, new() { Name = R(language, "Meeting.ActionRow", 1), Exact = true });
        await action.GetByLabel(R(language, "Meeting.Field.ActionTitle"), new() { Exact = true }).FillAsync(actionTitle);
        await action.GetByLabel(R(language, "Meeting.Field.ActionAssignee")).SelectOptionAsync(new SelectOptionValue { Label = me });
        await action.GetByLabel(R(language, "Meeting.Field.ActionDue")).FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = R(language, "Meeting.Save"), Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url(meetingPath));
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(R(language, "Meeting.Notice.Recorded"));
        await Expect(page.SummaryValue(R(language, "Meeting.Held"))).ToContainTextAsync(R(language, "Meeting.HeldYes"));
        await Expect(page.SummaryValue(R(language, "Meeting.Field.Decisions"))).ToHaveTextAsync(decisions);
        await Expect(page.Locator("main > ul > li").First).ToHaveTextAsync($"{partnerLine}: {R(language, "Meeting.Attended")}");
        var items = page.Locator("main > h2", new() { HasTextString = R(language, "Meeting.ActionItems") }).Locator("xpath=following-sibling::ul[1]/li");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items).ToContainTextAsync(actionTitle);
        await Expect(items).ToContainTextAsync(caseworker.DisplayName);

        // Back on the case: the meeting held, and its action item is a task of the case, assigned to me.
        await page.GetByRole(AriaRole.Link, new() { Name = R(language, "Sharing.BackToCase"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url(casePath));
        var meetings = Section(page, R(language, "Section.Meetings"));
        await Expect(meetings.GetByRole(AriaRole.Link, new() { Name = R(language, "MeetingKind.Emergency"), Exact = true })).ToHaveAttributeAsync("href", meetingPath);
        await Expect(meetings).ToContainTextAsync($"{partnerLine}: {R(language, "Meeting.Attended")}");
        var task = Section(page, C(language, "Tasks.Title")).Locator("li", new() { HasTextString = actionTitle });
        await Expect(task).ToHaveCountAsync(1);
        await Expect(task).ToContainTextAsync(C(language, "Tasks.AssignedTo", caseworker.DisplayName));
        await Expect(task).ToContainTextAsync(C(language, "Tasks.FromMeeting"));
        await Expect(task.GetByRole(AriaRole.Button)).ToContainTextAsync(C(language, "Tasks.MarkDone"));

        // The status, step by step along the protocol, to closed; each move with its reason.
        string[] moves = ["Screening", "Mdt", "Services", "Closed"];
        var from = "Open";
        foreach (var to in moves)
        {
            var reason = $"Synthetic reason {run}: {from} to {to}.";
            await Section(page, C(language, "Status.History")).GetByRole(AriaRole.Link, new() { Name = C(language, "Status.Change"), Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(server.Url($"{casePath}/status"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(C(language, "Status.Title"));
            await Expect(page.Locator("main strong")).ToHaveTextAsync(Status(language, from));
            await page.GetByRole(AriaRole.Radio, new() { Name = Status(language, to), Exact = true }).CheckAsync();
            await page.GetByLabel(C(language, "Status.Reason"), new() { Exact = true }).FillAsync(reason);
            await page.GetByRole(AriaRole.Button, new() { Name = C(language, "Status.Save"), Exact = true }).ClickAsync();

            await ExpectBackOnCaseAsync(page, casePath, C(language, "Status.Notice.Moved"));
            await Expect(page.SummaryValue(C(language, "Case.Status"))).ToHaveTextAsync(Status(language, to));
            // Newest first; the arrow between the two statuses is the same in both languages.
            var latest = Section(page, C(language, "Status.History")).Locator("tbody tr").First;
            await Expect(latest.Locator("td").First)
                .ToHaveTextAsync(server.Text<CaseResource>(language, "Status.FromTo", Status(language, from), Status(language, to)));
            await Expect(latest.Locator("td").Last).ToHaveTextAsync(reason);
            from = to;
        }

        // Closed on the case page (with the closing time) and in my cases.
        await Expect(page.SummaryValue(C(language, "Case.Closed")).Last).ToHaveTextAsync(new Regex("\\d"));
        await Expect(Section(page, C(language, "Status.History")).Locator("tbody tr")).ToHaveCountAsync(1 + moves.Length);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = C(language, "Cases.Title"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/cases"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Q(language, "Queue.Title"));
        var row = Section(page, Q(language, "Queue.MyCases")).Locator($"tr:has(a[href='{casePath}'])");
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(preferredName);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(Q(language, "CaseStatus.Closed"));
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(caseworker.DisplayName);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.Empty(session.OffSiteRequests);

        // Axe on the pages of the day, in the language chosen.
        var audit = new AxeAudit(server, output.WriteLine);
        var auditPage = await session.NewPageAsync();
        await audit.CheckAsync(session, auditPage, "the closed case", casePath, language);
        await audit.CheckAsync(session, auditPage, "the recorded meeting", meetingPath, language);
        await audit.CheckAsync(session, auditPage, "the referral sent", referralPath, language);
        await audit.CheckAsync(session, auditPage, "the youth record", $"/youth/{await server.YouthOfAsync(caseId)}", language);
        await audit.CheckAsync(session, auditPage, "my cases", "/cases", language);
        audit.AssertClean();

        // The trail: the case's creation, its views (each page of it opened), its changes; and the chain intact.
        var trail = await server.AuditOfAsync(AuditRecordTypes.Case, caseId);
        Assert.Contains(trail, e => e.Action == AuditAction.Create && e.UserId == caseworker.Id && e.Outcome == AuditOutcome.Allowed);
        var views = trail.Where(e => e.Action == AuditAction.View && e.UserId == caseworker.Id && e.Outcome == AuditOutcome.Allowed).ToList();
        Assert.True(views.Count >= 10, $"Expected a view entry for each opening of the case's pages, found {views.Count}.");
        Assert.True(trail.Count(e => e.Action == AuditAction.Change && e.UserId == caseworker.Id) >= 1 + moves.Length,
            "Expected change entries for the screen attached and each status move.");
        Assert.DoesNotContain(trail, e => e.Outcome != AuditOutcome.Allowed);
        var verified = await server.VerifyAuditAsync();
        Assert.True(verified.Intact, $"The audit trail is broken: {verified.Break}");
        Assert.Equal(verified.HeadSequence, verified.Verified);
        Assert.True(verified.Verified >= trail[^1].Sequence);
    }

    /// <summary>A section of the case page (or of the queues), by its heading.</summary>
    private static ILocator Section(IPage page, string title) =>
        page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>A redirect back to the case page at a section, with the change's notice.</summary>
    private async Task ExpectBackOnCaseAsync(IPage page, string casePath, string notice)
    {
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(server.Url(casePath)) + "#case-[a-z-]+$"));
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(notice);
    }

    /// <summary>A case status's name; "MDT" is the same in both languages, the others must differ.</summary>
    private string Status(string language, string status) =>
        status == "Mdt" ? server.Text<CaseResource>(language, "CaseStatus.Mdt") : C(language, "CaseStatus." + status);

    private string Y(string language, string key, params object[] arguments) => server.Translated<YouthResource>(language, key, arguments);

    private string C(string language, string key, params object[] arguments) => server.Translated<CaseResource>(language, key, arguments);

    private string R(string language, string key, params object[] arguments) => server.Translated<SharingResource>(language, key, arguments);

    private string Q(string language, string key, params object[] arguments) => server.Translated<QueueResource>(language, key, arguments);

    private string S(string language, string key, params object[] arguments) => server.Translated<ScreeningResource>(language, key, arguments);

    [GeneratedRegex("/youth/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex YouthUrl();

    [GeneratedRegex("/cases/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex CaseUrl();

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralUrl();

    [GeneratedRegex("/cases/[0-9a-f-]{36}/meetings/[0-9a-f-]{36}$")]
    private static partial Regex MeetingUrl();
}
