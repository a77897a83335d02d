using Beacon.Browser.Tests.Scanning;
using Beacon.Core.Accounts;
using Beacon.Core.Training;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Features.Learn;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>The pages of one side of the site, real values for their route parameters, and how to reach those a plain visit cannot show.</summary>
public sealed record SitePlan(IReadOnlyList<DiscoveredPage> Pages, RouteValues Values, IReadOnlyDictionary<string, PageOpener> Openers);

/// <summary>
/// Every page the app has (found from its endpoints, not listed by hand) with records to show in it, for the tests that
/// visit them all: the accessibility crawler and the reflected-script check. The public side is seen by an anonymous
/// visitor; the staff side by an administrator in every role, whose session this signs in, with a case, its work,
/// referrals, mandated reports, intake items, screens and trainings made for them.
/// </summary>
public static class SiteRoutes
{
    /// <summary>The youth reference of the staff side's saved screens, for the search of the screens page.</summary>
    public const string Youth = "A11Y-0001";

    /// <summary>Pages that answer with a file (a PDF, a CSV), not HTML, by route: their own tests check them.</summary>
    public static readonly HashSet<string> Downloads = new(StringComparer.OrdinalIgnoreCase)
    {
        "cases/{id}/summary", "cases/export", "reports/{id}/pdf", "training/certificates/{id}",
    };

    /// <summary>
    /// Pages open to visitors that show a signed-in staff member more (their standing, attempts and certificates)
    /// and the staff-only courses: in the staff side too.
    /// </summary>
    public static readonly HashSet<string> SignedInToo = new(StringComparer.OrdinalIgnoreCase)
    {
        "training", "training/{course}", "training/{course}/{lesson}", "training/{course}/quiz",
    };

    /// <summary>
    /// Old addresses kept so that links to them still work, which only send the visitor on to a page checked
    /// under its own route (a tip's address leads to its intake item); their own tests check where they lead.
    /// </summary>
    public static readonly HashSet<string> Forwards = new(StringComparer.OrdinalIgnoreCase) { "intake/tips/{id}" };

    /// <summary>The public pages, as a visitor who is not signed in sees them.</summary>
    public static async Task<SitePlan> PublicAsync(BeaconServer server)
    {
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
        // A certificate's check, and the form alone or with a mistyped code (the training pages have a plan of their own).
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
        return new SitePlan(pages, values, openers);
    }

    /// <summary>The staff pages (and the public ones that show staff more), with an administrator in every role signed in to <paramref name="session"/>.</summary>
    public static async Task<SitePlan> StaffAsync(BeaconServer server, BrowserSession session)
    {
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
                var response = await page.RunAndWaitForResponseAsync(() => page.Locator("main form button[type=submit]").ClickAsync(), url);
                await Assertions.Expect(page.Locator("#invitation-link")).ToBeVisibleAsync();
                return response;
            },
        };
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
        values.Add("intake/tips/{id}", ("the tip's old address, which leads to its item", tip.ToString()));
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
        return new SitePlan(pages, values, openers);
    }

    /// <summary>
    /// The training pages, kept apart so that no one test visits so many pages that it looks hung: as a visitor (no
    /// <paramref name="signedInSession"/>), the public courses and their lessons; signed in to the session given, as an
    /// administrator in every role with a lapsed pass (so a course page shows the standing, the attempt and the
    /// certificate), every course and the lessons of the staff-only ones.
    /// </summary>
    public static async Task<SitePlan> TrainingAsync(BeaconServer server, BrowserSession? signedInSession)
    {
        var pages = PageCatalog.Discover(server.Services).Where(p => SignedInToo.Contains(p.NormalizedRoute)).ToList();
        var values = new RouteValues();
        var courses = server.Services.GetRequiredService<LearnContent>().Training.InLanguage("en");
        var signedIn = signedInSession is not null;
        AddCourses(values, signedIn ? courses : courses.Where(c => c.IsPublic), courses.Where(c => c.IsPublic != signedIn));
        if (signedInSession is not null)
        {
            var administrator = await server.CreateUserAsync([.. Roles.All]);
            await server.AddPassAsync(administrator.Id, "duty-to-report", DateTime.UtcNow.AddMonths(-13));
            var signIn = await signedInSession.NewPageAsync();
            await signIn.SignInAsync(server, administrator);
            await signIn.CloseAsync();
        }

        return new SitePlan(pages, values, new Dictionary<string, PageOpener>());
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
}
