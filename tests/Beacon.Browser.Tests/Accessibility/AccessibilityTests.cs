using Beacon.Browser.Tests.Infrastructure;
using Beacon.Browser.Tests.Scanning;
using Beacon.Core.Accounts;
using Beacon.Core.Training;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Features.Learn;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Beacon.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page the app has (found from its endpoints, not listed by hand), in English
/// and Spanish, at desktop and phone widths: no "serious" or "critical" violation. Public pages
/// are checked as an anonymous visitor, staff pages signed in as an administrator in every role
/// (with the training pages open to both, which show staff more).
/// A page whose route has a parameter is checked once per variant given in its RouteValues (a
/// county and the national list, an active, invited and disabled account...); a page whose
/// parameter has no value fails the test, so that no new page goes unchecked.
/// Each test has a server of its own: the public check needs a first-administrator link, which
/// stops working as soon as the staff check creates its administrator.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string SubmitButton = "main form button[type=submit]";

    /// <summary>The youth reference of the staff check's saved screens, for the search of the screens page.</summary>
    private const string Youth = "A11Y-0001";

    /// <summary>Pages that answer with another status on purpose, by route.</summary>
    private static readonly Dictionary<string, int> ExpectedStatus = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account/access-denied"] = 403,
    };

    /// <summary>Pages that answer with a file (a PDF, a CSV), not HTML, by route: their own tests check them.</summary>
    private static readonly HashSet<string> Downloads = new(StringComparer.OrdinalIgnoreCase)
    {
        "cases/{id}/summary", "cases/export", "reports/{id}/pdf", "training/certificates/{id}",
    };

    /// <summary>
    /// Pages open to visitors that show a signed-in staff member more (their standing, attempts and certificates)
    /// and the staff-only courses: checked in the staff check too.
    /// </summary>
    private static readonly HashSet<string> SignedInToo = new(StringComparer.OrdinalIgnoreCase)
    {
        "training", "training/{course}", "training/{course}/{lesson}", "training/{course}/quiz",
    };

    /// <summary>
    /// Old addresses kept so that links to them still work, which only send the visitor on to a page checked
    /// under its own route (a tip's address leads to its intake item); their own tests check where they lead.
    /// </summary>
    private static readonly HashSet<string> Forwards = new(StringComparer.OrdinalIgnoreCase) { "intake/tips/{id}" };

    /// <summary>Besides its plain address, a page whose GET form shows results is checked with them too.</summary>
    private static readonly Dictionary<string, (string Label, string Query)[]> ResultStates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["report"] = [("Placer County chosen", "?county=placer"), ("a Placer County ZIP", "?zip=95603")],
        ["learn/search"] = [("a search", "?q=grooming")],
        ["screening"] = [("a youth reference found", "?reference=" + Youth), ("a reference with no screens", "?reference=NOBODY-0000")],
        // The form of a new screen, once an instrument is chosen (a draft ignores the choice: the same form again).
        ["screening/edit/{id}"] = [("the full screen chosen", $"?instrument={ScreenForm.Full}")],
    };

    [Fact]
    public async Task PublicPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var pages = PageCatalog.Discover(server.Services).Where(p => p.Anonymous && !SignedInToo.Contains(p.NormalizedRoute)).ToList();
        // A staff member part-way through signing in, for the code page; also the invitation's addressee.
        var pending = await server.CreateUserAsync(Roles.Caseworker);
        var values = new RouteValues
        {
            {
                "{token}",
                ("first-administrator link", await server.IssueFirstAdministratorTokenAsync()),
                ("invitation link", await server.IssueInvitationTokenAsync(pending.Id))
            },
        };
        // Every Learn article and every county, as the app has them: a new one is checked without a change here.
        values.Add("learn/{slug}", server.Services.GetRequiredService<LearnContent>().Library.InLanguage("en")
            .Select(p => (p.Slug, p.Slug)).ToArray());
        var counties = await server.Services.GetRequiredService<ContactDirectory>().CountiesAsync();
        values.Add("sheet/{county}", [("no county chosen", ""), .. counties.Select(c => (c.NameEn, c.Id))]);
        values.Add("task-force/{county}", counties.Select(c => (c.NameEn, c.Id)).ToArray());
        var openEvent = await server.AddEventAsync("placer");
        values.Add("task-force/events/{id}",
            ("open event", openEvent.ToString()), ("cancelled event", (await server.AddEventAsync("placer", cancelled: true)).ToString()));
        values.Add("task-force/events/{id}/registered", ("registered just now", openEvent.ToString()));
        values.Add("task-force/registrations/{token}",
            ("confirmed", await server.AddRegistrationAsync(openEvent, RegistrationStatus.Confirmed)),
            ("waitlisted", await server.AddRegistrationAsync(openEvent, RegistrationStatus.Waitlisted)));
        // A certificate's check, and the form alone or with a mistyped code (the courses have a test of their own).
        values.Add("verify/{code}", ("no code: the form", ""),
            ("a certificate's code", (await server.AddPassAsync(pending.Id, "duty-to-report", DateTime.UtcNow.AddDays(-3))).Code),
            ("a code too short: the error summary", "K7QM-2XHD"));
        var openers = new Dictionary<string, PageOpener>(StringComparer.OrdinalIgnoreCase)
        {
            ["account/sign-in/code"] = async (page, url) =>
            {
                await page.EnterPasswordAsync(server, pending.Email, pending.Password);
                return await page.GotoAsync(url);
            },
            // Thanks are shown only right after a tip is stored.
            ["tip/thanks"] = async (page, _) => await page.SubmitTipAsync(server),
            // A visitor whose county is known goes straight to its page (where to report remembers the county
            // it showed): these pages are checked as a visitor who has not chosen one yet.
            ["sheet/{county}"] = ForgetCountyAndGoAsync,
            ["task-force"] = ForgetCountyAndGoAsync,
            // The confirmation, with its personal link, is shown only right after registering.
            ["task-force/events/{id}/registered"] = async (page, url) => await page.RegisterAsync(server, openEvent, url),
        };
        await using var session = await browser.OpenAsync(server);

        var audit = await AuditAsync(server, session, pages, values, openers);

        audit.AssertClean();
    }

    [Fact]
    public async Task StaffPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var pages = PageCatalog.Discover(server.Services).Where(p => !p.Anonymous).ToList();
        var administrator = await server.CreateUserAsync([.. Roles.All]);
        var active = await server.CreateUserAsync(Roles.Caseworker);
        var invited = await server.CreateInvitedUserAsync();
        var disabled = await server.CreateUserAsync(Roles.Reporter);
        await server.DisableUserAsync(disabled.Id);
        var invitee = await server.CreateUserAsync(Roles.Supervisor); // given a new invitation by the page itself
        var values = new RouteValues
        {
            { "admin/agencies/{id}", ("Test Agency", (await server.AgencyIdAsync("Test Agency")).ToString()) },
            { "admin/jurisdictions/{id}", ("Placer County", "placer"), ("national", "national") },
            { "admin/jurisdictions/{id}/contacts/new", ("Placer County", "placer") },
            {
                "admin/jurisdictions/{id}/contacts/{contactId}",
                new RouteVariant("Placer hotline", new Dictionary<string, string> { ["id"] = "placer", ["contactId"] = "placer-child-welfare" }),
                new RouteVariant("national hotline", new Dictionary<string, string> { ["id"] = "national", ["contactId"] = "national-hotline" })
            },
            {
                "admin/users/{id}",
                ("active", active.Id.ToString()), ("invited", invited.ToString()), ("disabled", disabled.Id.ToString()),
                ("the administrator's own", administrator.Id.ToString())
            },
            { "admin/users/{id}/invitation", ("new link shown once", invitee.Id.ToString()) },
            {
                "admin/instruments/{id}/v{version}/retire",
                new RouteVariant("retire the staff full screen", new Dictionary<string, string> { ["id"] = "beacon-full", ["version"] = "1" }),
                new RouteVariant("last public version (refused)", new Dictionary<string, string> { ["id"] = "beacon-quick", ["version"] = "1" })
            },
            {
                "admin/content/preview/{language}/{slug}",
                new RouteVariant("draft check form", new Dictionary<string, string> { ["language"] = "", ["slug"] = "" }),
                new RouteVariant("English article", new Dictionary<string, string> { ["language"] = "en", ["slug"] = "what-is-csec" }),
                new RouteVariant("Spanish article", new Dictionary<string, string> { ["language"] = "es", ["slug"] = "what-is-csec" })
            },
        };
        var managed = await server.AddEventAsync("placer");
        await server.AddRegistrationAsync(managed, RegistrationStatus.Confirmed);
        await server.AddRegistrationAsync(managed, RegistrationStatus.Cancelled);
        values.Add("task-force/manage/{id}", ("a Placer County training with a roster", managed.ToString()));
        var ownCase = await server.AddCaseAsync("placer", "Test Agency", administrator.Id);
        var work = await server.AddCaseWorkAsync(ownCase, administrator.Id, active.Id);
        var otherAgencyCase = await server.AddCaseAsync("placer", "Synthetic Other Agency", null, "Synthetic Other Youth");
        var referredCase = await server.AddCaseAsync("placer", "Synthetic Other Agency", null, "Synthetic Referred Youth");
        var referral = await server.AddReferralAsync(referredCase, "Test Agency", administrator.Id);
        values.Add("cases/{id}", ("a case assigned to the user, with notes, tasks, a screen and a meeting", ownCase.ToString()));
        values.Add("cases/{id}/break-glass", ("another agency's case", otherAgencyCase.ToString()));
        values.Add("cases/{id}/notes/{noteId}", ("the user's note", work.NoteId.ToString()));
        values.Add("cases/{id}/team/{memberId}", ("a team member", work.MemberId.ToString()));
        values.Add("cases/{id}/screens/{screenId}", ("an attached screen", work.ScreenId.ToString()));
        values.Add("cases/{id}/meetings/{meetingId}", ("an emergency MDT meeting", work.MeetingId.ToString()));
        values.Add("referrals/{id}", ("a referral to the user's agency", referral.ToString()));
        values.Add("youth/{id}", ("the youth of the user's case", (await server.YouthOfAsync(ownCase)).ToString()));
        // The administrator passed the required course over a year ago: the pass has lapsed, so the staff home reminds
        // them and the roster shows the pass.
        await server.AddPassAsync(administrator.Id, "duty-to-report", DateTime.UtcNow.AddMonths(-13));
        var reports = await server.AddMandatedReportsAsync(administrator.Id, ownCase);
        values.Add("reports/{id}",
            ("just phoned, written report not started", reports.Fresh.ToString()), ("overdue, written report complete", reports.Overdue.ToString()),
            ("sent late", reports.Sent.ToString()));
        values.Add("reports/{id}/written",
            ("prefilled from the case", reports.Fresh.ToString()), ("saved", reports.Overdue.ToString()), ("sent, read-only", reports.Sent.ToString()));
        values.Add("reports/{id}/sent", ("the form", reports.Overdue.ToString()), ("not complete yet", reports.Fresh.ToString()));
        var openers = new Dictionary<string, PageOpener>(StringComparer.OrdinalIgnoreCase)
        {
            // The link is shown once, as the answer to a new invitation: ask for one, and check the answer.
            ["admin/users/{id}/invitation"] = async (page, url) =>
            {
                await page.GotoAsync(url.Replace("/invitation", "/reinvite", StringComparison.Ordinal));
                var response = await page.RunAndWaitForResponseAsync(() => page.Locator(SubmitButton).ClickAsync(), url);
                await Assertions.Expect(page.Locator("#invitation-link")).ToBeVisibleAsync();
                return response;
            },
        };
        await using var session = await browser.OpenAsync(server);
        var signIn = await session.NewPageAsync();
        await signIn.SignInAsync(server, administrator);
        await signIn.SubmitTipAsync(server);
        var (tipItem, tipId) = await signIn.FirstQueueItemAsync(server);
        var tip = tipId ?? throw new InvalidOperationException("The tip just sent is not first in Placer County's intake queue.");
        // The item page: an open tip, and a closed call; the link and close forms, for an open item only (a closed
        // item's forms send the visitor back to the item).
        values.Add("intake/{id}",
            ("a tip to Placer County, with screens", tipItem.ToString()),
            ("a logged call, closed", (await server.AddCallAsync("placer", IntakeStatus.Closed)).ToString()));
        values.Add("intake/{id}/link", ("an open tip; the user's cases to choose from", tipItem.ToString()));
        values.Add("intake/{id}/close", ("an open tip", tipItem.ToString()));
        // The administrator's own screens (being in every role, also a reporter, caseworker and supervisor): a draft,
        // and for one youth a screen about the tip and a later one, so the history has changes to show; and one
        // of no concern with no reference, which has no history.
        var draft = await signIn.SaveScreenAsync(server, Youth, new Dictionary<string, int> { ["withdrawal"] = 1 }, finish: false);
        var aboutTip = await signIn.SaveScreenAsync(server, Youth, new Dictionary<string, int> { ["hotel-keys"] = 1, ["foster-care"] = 2 },
            finish: true, tip: tip);
        var later = await signIn.SaveScreenAsync(server, Youth,
            new Dictionary<string, int> { ["hotel-keys"] = 2, ["sex-for-value"] = 2, ["foster-care"] = 2 }, finish: true);
        var noConcern = await signIn.SaveScreenAsync(server, null, new Dictionary<string, int> { ["withdrawal"] = 0 }, finish: true);
        values.Add("screening/edit/{id}", ("choosing an instrument", ""), ("the administrator's draft", draft.ToString()),
            ("a draft of the user's case, with the note scanner's suggestions", (await server.AddDraftInCaseAsync(ownCase, administrator.Id)).ToString()));
        values.Add("screening/{id}",
            ("the administrator's draft", draft.ToString()), ("possible concern, about a tip", aboutTip.ToString()),
            ("clear concern", later.ToString()), ("no concern, no reference", noConcern.ToString()));
        values.Add("screening/{id}/history", ("a youth's draft and two finished screens", later.ToString()));
        await signIn.CloseAsync();

        var audit = await AuditAsync(server, session, pages, values, openers);

        audit.AssertClean();
    }

    /// <summary>
    /// The training pages: as a visitor, the public courses and their lessons; signed in, every course and the lessons
    /// of the staff-only ones, with a lapsed pass so that the course page shows the standing, the attempt and the
    /// certificate. Tests of their own, so that no one test runs long enough to look hung.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TrainingPages_VisitorAndSignedIn_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations(bool signedIn)
    {
        await using var server = await BeaconServer.StartNewAsync();
        var pages = PageCatalog.Discover(server.Services).Where(p => SignedInToo.Contains(p.NormalizedRoute)).ToList();
        var values = new RouteValues();
        var courses = server.Services.GetRequiredService<LearnContent>().Training.InLanguage("en");
        AddCourses(values, signedIn ? courses : courses.Where(c => c.IsPublic), courses.Where(c => c.IsPublic != signedIn));
        await using var session = await browser.OpenAsync(server);
        if (signedIn)
        {
            var administrator = await server.CreateUserAsync([.. Roles.All]);
            await server.AddPassAsync(administrator.Id, "duty-to-report", DateTime.UtcNow.AddMonths(-13));
            var signIn = await session.NewPageAsync();
            await signIn.SignInAsync(server, administrator);
            await signIn.CloseAsync();
        }

        var audit = await AuditAsync(server, session, pages, values, new Dictionary<string, PageOpener>());

        audit.AssertClean();
    }

    /// <summary>Each course's page and quiz (<c>training/{course}</c>), and every lesson of <paramref name="withLessons"/>.</summary>
    private static void AddCourses(RouteValues values, IEnumerable<Course> courses, IEnumerable<Course> withLessons)
    {
        values.Add("training/{course}", courses.Select(c => (c.Slug, c.Slug)).ToArray());
        values.Add("training/{course}/{lesson}", withLessons.SelectMany(c => c.Lessons.Select(l => new RouteVariant(
            $"{c.Slug}/{l.Slug}", new Dictionary<string, string> { ["course"] = c.Slug, ["lesson"] = l.Slug }))).ToArray());
    }

    private static async Task<IResponse?> ForgetCountyAndGoAsync(IPage page, string url)
    {
        await page.Context.ClearCookiesAsync(new() { Name = CurrentJurisdiction.CookieName });
        return await page.GotoAsync(url);
    }

    private async Task<AxeAudit> AuditAsync(BeaconServer server, BrowserSession session, IReadOnlyList<DiscoveredPage> pages,
        RouteValues values, IReadOnlyDictionary<string, PageOpener> openers)
    {
        var audit = new AxeAudit(server, output.WriteLine);
        var page = await session.NewPageAsync();
        foreach (var found in pages.Where(p => !Downloads.Contains(p.NormalizedRoute) && !Forwards.Contains(p.NormalizedRoute)))
        {
            var unknown = values.Unknown(found);
            if (unknown.Count > 0)
            {
                audit.Fail($"{found}: the route parameter(s) {string.Join(", ", unknown.Select(p => "{" + p + "}"))} " +
                           "have no value in this test's RouteValues, so the page was not checked. Add a real value for each, " +
                           $"keyed \"{{name}}\" for every route or by the start of \"{found.NormalizedRoute}\" up to the parameter.");
                continue;
            }

            var states = ResultStates.GetValueOrDefault(found.NormalizedRoute, []).Prepend(("", ""));
            foreach (var variant in values.Combinations(found))
            {
                foreach (var (state, query) in states)
                {
                    var path = found.PathWith(variant.Values) + query;
                    var label = found.Page + variant.Label + (state.Length > 0 ? $" ({state})" : "");
                    foreach (var language in AxeAudit.Languages)
                    {
                        await audit.CheckAsync(session, page, label, path, language,
                            ExpectedStatus.GetValueOrDefault(found.NormalizedRoute, 200), openers.GetValueOrDefault(found.NormalizedRoute));
                    }
                }
            }
        }

        foreach (var url in session.OffSiteRequests.Distinct())
        {
            audit.Fail($"A page asked for {url}; no page may load anything from another site.");
        }

        return audit;
    }
}
