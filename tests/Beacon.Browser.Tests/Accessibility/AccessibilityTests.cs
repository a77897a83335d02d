using Beacon.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Beacon.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page the app has (found from its endpoints, not listed by hand: <see cref="SiteRoutes"/>), in
/// English and Spanish, at desktop and phone widths: no "serious" or "critical" violation. Public pages are checked as
/// an anonymous visitor, staff pages signed in as an administrator in every role (with the training pages open to
/// both, which show staff more).
/// A page whose route has a parameter is checked once per variant given in its RouteValues (a
/// county and the national list, an active, invited and disabled account...); a page whose
/// parameter has no value fails the test, so that no new page goes unchecked.
/// Each test has a server of its own: the public check needs a first-administrator link, which
/// stops working as soon as the staff check creates its administrator.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Pages that answer with another status on purpose, by route.</summary>
    private static readonly Dictionary<string, int> ExpectedStatus = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account/access-denied"] = 403,
    };

    /// <summary>Besides its plain address, a page whose GET form shows results is checked with them too.</summary>
    private static readonly Dictionary<string, (string Label, string Query)[]> ResultStates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["report"] = [("Placer County chosen", "?county=placer"), ("a Placer County ZIP", "?zip=95603")],
        ["learn/search"] = [("a search", "?q=grooming")],
        ["screening"] = [("a youth reference found", "?reference=" + SiteRoutes.Youth), ("a reference with no screens", "?reference=NOBODY-0000")],
        // The form of a new screen, once an instrument is chosen (a draft ignores the choice: the same form again).
        ["screening/edit/{id}"] = [("the full screen chosen", $"?instrument={ScreenForm.Full}")],
    };

    [Fact]
    public async Task PublicPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var plan = await SiteRoutes.PublicAsync(server);
        await using var session = await browser.OpenAsync(server);

        var audit = await AuditAsync(server, session, plan);

        audit.AssertClean();
    }

    [Fact]
    public async Task StaffPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        await using var session = await browser.OpenAsync(server);
        var plan = await SiteRoutes.StaffAsync(server, session);

        var audit = await AuditAsync(server, session, plan);

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
        await using var session = await browser.OpenAsync(server);
        var plan = await SiteRoutes.TrainingAsync(server, signedIn ? session : null);

        var audit = await AuditAsync(server, session, plan);

        audit.AssertClean();
    }

    private async Task<AxeAudit> AuditAsync(BeaconServer server, BrowserSession session, SitePlan plan)
    {
        var audit = new AxeAudit(server, output.WriteLine);
        var page = await session.NewPageAsync();
        foreach (var found in plan.Pages.Where(p => !SiteRoutes.Downloads.Contains(p.NormalizedRoute) && !SiteRoutes.Forwards.Contains(p.NormalizedRoute)))
        {
            var unknown = plan.Values.Unknown(found);
            if (unknown.Count > 0)
            {
                audit.Fail($"{found}: the route parameter(s) {string.Join(", ", unknown.Select(p => "{" + p + "}"))} " +
                           "have no value in SiteRoutes' RouteValues, so the page was not checked. Add a real value for each, " +
                           $"keyed \"{{name}}\" for every route or by the start of \"{found.NormalizedRoute}\" up to the parameter.");
                continue;
            }

            var states = ResultStates.GetValueOrDefault(found.NormalizedRoute, []).Prepend(("", ""));
            foreach (var variant in plan.Values.Combinations(found))
            {
                foreach (var (state, query) in states)
                {
                    var path = found.PathWith(variant.Values) + query;
                    var label = found.Page + variant.Label + (state.Length > 0 ? $" ({state})" : "");
                    foreach (var language in AxeAudit.Languages)
                    {
                        await audit.CheckAsync(session, page, label, path, language,
                            ExpectedStatus.GetValueOrDefault(found.NormalizedRoute, 200), plan.Openers.GetValueOrDefault(found.NormalizedRoute));
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
