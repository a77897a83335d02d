using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Xunit.Abstractions;

namespace Beacon.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page the app has (found from its endpoints, not listed by hand), in English
/// and Spanish, at desktop and phone widths: no "serious" or "critical" violation. Public pages
/// are checked as an anonymous visitor, staff pages signed in as an administrator in every role.
/// Each test has a server of its own: the public check needs a first-administrator link, which
/// stops working as soon as the staff check creates its administrator.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Pages that answer with another status on purpose.</summary>
    private static readonly Dictionary<string, int> ExpectedStatus = new(StringComparer.Ordinal)
    {
        ["account/access-denied"] = 403,
    };

    [Fact]
    public async Task PublicPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var pages = PageCatalog.Discover(server.Services).Where(p => p.Anonymous).ToList();
        // A staff member part-way through signing in, for the code page; also the invitation's addressee.
        var pending = await server.CreateUserAsync(Roles.Caseworker);
        var values = new RouteValues
        {
            ["{token}"] =
            [
                ("first-administrator link", await server.IssueFirstAdministratorTokenAsync()),
                ("invitation link", await server.IssueInvitationTokenAsync(pending.Id)),
            ],
        };
        var arrange = new Dictionary<string, Func<IPage, Task>>(StringComparer.Ordinal)
        {
            ["account/sign-in/code"] = page => page.EnterPasswordAsync(server, pending.Email, pending.Password),
        };
        await using var session = await browser.OpenAsync(server);

        var audit = await AuditAsync(server, session, pages, values, arrange);

        audit.AssertClean();
    }

    [Fact]
    public async Task StaffPages_EnglishAndSpanishAtDesktopAndPhone_NoSeriousOrCriticalViolations()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var pages = PageCatalog.Discover(server.Services).Where(p => !p.Anonymous).ToList();
        var administrator = await server.CreateUserAsync([.. Roles.All]);
        var values = new RouteValues();
        await using var session = await browser.OpenAsync(server);
        var signIn = await session.NewPageAsync();
        await signIn.SignInAsync(server, administrator);
        await signIn.CloseAsync();

        var audit = await AuditAsync(server, session, pages, values, arrange: new Dictionary<string, Func<IPage, Task>>());

        audit.AssertClean();
    }

    private async Task<AxeAudit> AuditAsync(BeaconServer server, BrowserSession session, IReadOnlyList<DiscoveredPage> pages,
        RouteValues values, IReadOnlyDictionary<string, Func<IPage, Task>> arrange)
    {
        var audit = new AxeAudit(server, output.WriteLine);
        var page = await session.NewPageAsync();
        foreach (var found in pages)
        {
            var unknown = values.Unknown(found).ToList();
            if (unknown.Count > 0)
            {
                audit.Fail($"{found}: the route parameter(s) {string.Join(", ", unknown.Select(p => "{" + p + "}"))} " +
                           "have no value in this test's RouteValues, so the page was not checked. Add a real value for each " +
                           $"(a key \"{{name}}\" for every route, or \"{found.Route}\" cut after the parameter, constraints left out).");
                continue;
            }

            foreach (var (label, routeValues) in values.Combinations(found))
            {
                var path = found.PathWith(routeValues);
                foreach (var language in AxeAudit.Languages)
                {
                    await audit.CheckAsync(session, page, found.Page + label, path, language,
                        ExpectedStatus.GetValueOrDefault(found.Route, 200), arrange.GetValueOrDefault(found.Route));
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
