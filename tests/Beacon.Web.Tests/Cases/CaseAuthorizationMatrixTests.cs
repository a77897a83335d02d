using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Beacon.Web.Tests.Screening;
using Xunit.Abstractions;

namespace Beacon.Web.Tests.Cases;

/// <summary>
/// The authorization matrix of issue 5: every case-data page and handler (found in the app's own
/// endpoints, so a new one cannot escape it) against every role in every scope and relationship —
/// owning agency, another agency, another county, assigned, on the team, invited to the MDT (and the
/// invitation ended), broken glass, referred — asserting exactly who gets the page, who gets 404, and
/// whose role is turned away before any record is looked at.
/// </summary>
[Trait("Category", "Data")]
public sealed class CaseAuthorizationMatrixTests(BeaconFactory factory, ITestOutputHelper output) : IClassFixture<BeaconFactory>
{
    /// <summary>What a request may get.</summary>
    public enum Outcome
    {
        /// <summary>The page (200), or for a POST anything the handler answers (a redirect after saving, the form with its errors).</summary>
        Served,
        /// <summary>404: nothing says whether the record exists.</summary>
        NotFound,
        /// <summary>The role may not use case pages at all: sent to the access-denied page before any record is read.</summary>
        RoleRefused,
    }

    /// <summary>One person of the matrix: a role, an agency, and their relation to the case.</summary>
    public sealed record Persona(string Name, string Role, string Agency, string County = "placer");

    // The case belongs to Alpha (Placer County). Bravo and Delta are other agencies of the county; Delta
    // has an accepted referral sharing services only. Charlie is in Monterey County.
    public static readonly Persona OwnerSupervisor = new("supervisor, owning agency", Roles.Supervisor, "Alpha");
    public static readonly Persona Assigned = new("caseworker, assigned", Roles.Caseworker, "Alpha");
    public static readonly Persona Team = new("caseworker, on the team", Roles.Caseworker, "Alpha");
    public static readonly Persona Uninvited = new("caseworker, owning agency, not on the case", Roles.Caseworker, "Alpha");
    public static readonly Persona OtherSupervisor = new("supervisor, other agency", Roles.Supervisor, "Bravo");
    public static readonly Persona Invited = new("caseworker, other agency, invited to the MDT", Roles.Caseworker, "Bravo");
    public static readonly Persona InvitationEnded = new("caseworker, other agency, MDT invitation ended", Roles.Caseworker, "Bravo");
    public static readonly Persona Glass = new("supervisor, other agency, broke the glass", Roles.Supervisor, "Bravo");
    public static readonly Persona Referred = new("caseworker, agency referred to (services only)", Roles.Caseworker, "Delta");
    public static readonly Persona OtherCountySupervisor = new("supervisor, other county", Roles.Supervisor, "Charlie", "monterey");
    public static readonly Persona OtherCountyCaseworker = new("caseworker, other county", Roles.Caseworker, "Charlie", "monterey");
    public static readonly Persona Reporter = new("reporter, owning agency", Roles.Reporter, "Alpha");
    public static readonly Persona Analyst = new("analyst, owning agency", Roles.Analyst, "Alpha");
    public static readonly Persona Trainer = new("trainer, owning agency", Roles.Trainer, "Alpha");
    public static readonly Persona Administrator = new("administrator, owning agency", Roles.Administrator, "Alpha");

    public static readonly IReadOnlyList<Persona> Everyone =
    [
        OwnerSupervisor, Assigned, Team, Uninvited, OtherSupervisor, Invited, InvitationEnded, Glass, Referred,
        OtherCountySupervisor, OtherCountyCaseworker, Reporter, Analyst, Trainer, Administrator,
    ];

    private static readonly Persona[] NoCaseRole = [Reporter, Analyst, Trainer, Administrator];

    /// <summary>Who is served, by what the endpoint needs; everyone else with a case role gets 404.</summary>
    private static class Needs
    {
        public static readonly Persona[] Read = [OwnerSupervisor, Assigned, Team, Invited, Glass, Referred];
        public static readonly Persona[] WholeCase = [OwnerSupervisor, Assigned, Team, Invited, Glass];
        public static readonly Persona[] Work = [OwnerSupervisor, Assigned, Team];
        public static readonly Persona[] Reassign = [OwnerSupervisor];
        /// <summary>Pages of the user's own county that list or start things (each list filtered per record).</summary>
        public static readonly Persona[] CaseRole = [.. Everyone.Except(NoCaseRole)];
        /// <summary>The youth's identity: everyone who sees the whole case (the referral does not share identity).</summary>
        public static readonly Persona[] Identity = WholeCase;
    }

    /// <summary>
    /// The expectations: for each endpoint (method, route template, handler), who is served. An endpoint the
    /// app has and this table lacks fails the test, and so does an entry for an endpoint the app no longer has.
    /// </summary>
    private static readonly Dictionary<string, Persona[]> Expectations = new(StringComparer.Ordinal)
    {
        ["GET cases/{id:guid}"] = Needs.Read,
        ["GET cases/{id:guid}/referrals/new"] = Needs.Work,
        ["POST cases/{id:guid}/referrals/new"] = Needs.Work,
        ["GET referrals"] = Needs.CaseRole,
        // The receiving agency decides; the sending side (whoever sees the whole case) follows its status.
        ["GET referrals/{id:guid}"] = [.. Needs.WholeCase, Referred],
        ["POST referrals/{id:guid} ?handler=Accept"] = [Referred],
        ["POST referrals/{id:guid} ?handler=Decline"] = [Referred],
        ["POST referrals/{id:guid} ?handler=Done"] = [Referred],
        ["GET cases"] = Needs.CaseRole,
        ["GET cases/export"] = Needs.CaseRole,
        ["GET cases/{id:guid}/summary"] = Needs.WholeCase,
        ["GET cases/{id:guid}/assign"] = Needs.Reassign,
        ["POST cases/{id:guid}/assign"] = Needs.Reassign,
        ["GET cases/{id:guid}/transfer"] = Needs.Reassign,
        ["POST cases/{id:guid}/transfer"] = Needs.Reassign,
        // Supervisors of the county only; one who can already read the case is sent to it.
        ["GET cases/{id:guid}/break-glass"] = [OwnerSupervisor, OtherSupervisor, Glass],
        ["POST cases/{id:guid}/break-glass"] = [OwnerSupervisor, OtherSupervisor, Glass],
        ["GET cases/{id:guid}/status"] = Needs.Work,
        ["POST cases/{id:guid}/status"] = Needs.Work,
        ["GET cases/{id:guid}/team"] = Needs.Work,
        ["POST cases/{id:guid}/team"] = Needs.Work,
        ["GET cases/{id:guid}/team/{memberId:guid}/remove"] = Needs.Work,
        ["POST cases/{id:guid}/team/{memberId:guid}/remove"] = Needs.Work,
        ["GET cases/{id:guid}/screens/attach"] = Needs.Work,
        ["POST cases/{id:guid}/screens/attach"] = Needs.Work,
        ["GET cases/{id:guid}/screens/{screenId:guid}/detach"] = Needs.Work,
        ["POST cases/{id:guid}/screens/{screenId:guid}/detach"] = Needs.Work,
        ["GET cases/{id:guid}/notes/new"] = Needs.Work,
        ["POST cases/{id:guid}/notes/new"] = Needs.Work,
        ["GET cases/{id:guid}/notes/{noteId:guid}"] = Needs.WholeCase,
        // A note is edited by its author only (the assigned caseworker wrote the world's note).
        ["GET cases/{id:guid}/notes/{noteId:guid}/edit"] = [Assigned],
        ["POST cases/{id:guid}/notes/{noteId:guid}/edit"] = [Assigned],
        ["GET cases/{id:guid}/tasks"] = Needs.Work,
        ["POST cases/{id:guid}/tasks"] = Needs.Work,
        // Marking a task done: those who work the case, and the task's assignee (here the MDT invitee).
        ["POST cases/{id:guid}/tasks ?handler=Done"] = [.. Needs.Work, Invited],
        ["GET cases/{id:guid}/safety-plan"] = Needs.Work,
        ["POST cases/{id:guid}/safety-plan"] = Needs.Work,
        ["GET cases/{id:guid}/services"] = Needs.Work,
        ["POST cases/{id:guid}/services"] = Needs.Work,
        ["POST cases/{id:guid}/services ?handler=Status"] = Needs.Work,
        ["GET youth/new"] = Needs.CaseRole,
        ["POST youth/new"] = Needs.CaseRole,
        ["GET youth/find"] = Needs.CaseRole,
        ["POST youth/find"] = Needs.CaseRole,
        ["GET youth/{id:guid}"] = Needs.Identity,
        ["GET youth/{id:guid}/edit"] = Needs.Work,
        ["POST youth/{id:guid}/edit"] = Needs.Work,
        // Opening a case on the youth: whoever may change the record (works one of its cases); the agency's case
        // that is still open is shown instead of a second.
        ["POST youth/{id:guid} ?handler=OpenCase"] = Needs.Work,
        ["GET cases/{id:guid}/meetings/new"] = Needs.Work,
        ["POST cases/{id:guid}/meetings/new"] = Needs.Work,
        ["GET cases/{id:guid}/meetings/{meetingId:guid}"] = Needs.WholeCase,
        ["POST cases/{id:guid}/meetings/{meetingId:guid}"] = Needs.Work,
    };

    [Fact]
    public async Task EveryCaseEndpoint_ServesExactlyThoseWithNeedToKnow()
    {
        var endpoints = await CaseEndpointsAsync();
        var unlisted = endpoints.Select(e => e.Key).Where(k => !Expectations.ContainsKey(k)).ToList();
        var stale = Expectations.Keys.Where(k => endpoints.All(e => e.Key != k)).ToList();
        Assert.True(unlisted.Count == 0, "Case endpoints with no row in the matrix (add who may use them):\n" + string.Join("\n", unlisted));
        Assert.True(stale.Count == 0, "Matrix rows for endpoints the app does not have:\n" + string.Join("\n", stale));

        var world = await CaseWorld.CreateAsync(factory);
        var failures = new List<string>();
        // Opening another case on the youth goes last, for everyone: a persona's own new case changes nothing of
        // the matrix's case, but gives its agency's supervisor the youth's record for the requests after it.
        var phases = endpoints.GroupBy(e => e.Handler == "OpenCase").OrderBy(g => g.Key);
        foreach (var phase in phases)
        foreach (var persona in Everyone)
        {
            var client = await world.ClientAsync(persona);
            foreach (var endpoint in phase)
            {
                var expected = NoCaseRole.Contains(persona) ? Outcome.RoleRefused
                    : Expectations[endpoint.Key].Contains(persona) ? Outcome.Served : Outcome.NotFound;
                var path = await world.PathOfAsync(endpoint.Route);
                var before = await world.LastSequenceAsync();
                var response = await world.SendAsync(client, endpoint, path);
                var actual = OutcomeOf(response, endpoint.Method);
                output.WriteLine($"{persona.Name,-50} {endpoint.Key,-60} {(int)response.StatusCode} {actual}");
                if (actual != expected)
                {
                    failures.Add($"{persona.Name}: {endpoint.Key} ({path}) gave {(int)response.StatusCode} " +
                                 $"{response.Headers.Location}; expected {expected}");
                }
                else if (await world.AuditGapAsync(persona, before, endpoint.Method, endpoint.Route, response.StatusCode, actual.Value) is { } gap)
                {
                    failures.Add($"{persona.Name}: {endpoint.Key} ({path}): {gap}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Outcome? OutcomeOf(HttpResponseMessage response, string method)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.RoleRefused,
            HttpStatusCode.Redirect when location.Contains("/account/access-denied", StringComparison.Ordinal) => Outcome.RoleRefused,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => null,
            HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Served,
            // A POST whose empty form the handler refuses as invalid still reached the handler.
            HttpStatusCode.BadRequest when method == HttpMethods.Post => Outcome.Served,
            _ => null,
        };
    }

    /// <summary>One request the matrix sends: a page's GET, or one of its POST handlers.</summary>
    private sealed record CaseEndpoint(string Method, string Route, string? Handler)
    {
        public string Key => $"{Method} {Route}" + (Handler is null ? "" : $" ?handler={Handler}");
    }

    /// <summary>
    /// Every page under Features/Cases and Features/Youth, from the endpoint data source, with each of its
    /// handlers (read from the compiled page, so a new OnPostSomething is a new row).
    /// </summary>
    private async Task<List<CaseEndpoint>> CaseEndpointsAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new List<CaseEndpoint>();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null && (x.Page.ViewEnginePath.StartsWith("/Cases/", StringComparison.Ordinal) ||
                                               x.Page.ViewEnginePath.StartsWith("/Youth/", StringComparison.Ordinal)))
            .GroupBy(x => x.Page!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.Endpoint.RoutePattern.RawText?.Length ?? 0).First());
        foreach (var (endpoint, page) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var route = endpoint.RoutePattern.RawText!.Trim('/');
            found.Add(new CaseEndpoint(HttpMethods.Get, route, null));
            found.AddRange(compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase))
                .Select(h => new CaseEndpoint(HttpMethods.Post, route, h.Name)));
        }

        Assert.Contains(found, e => e.Route == "cases/{id:guid}");
        return found.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The agencies, people and case of the matrix, and how to reach each endpoint for them.</summary>
    private sealed class CaseWorld
    {
        private readonly BeaconFactory _factory;
        private readonly Dictionary<Persona, TestUser> _users = [];
        private readonly Dictionary<Persona, HttpClient> _clients = [];
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        private Guid _caseId;
        private Guid _taskId;
        private Guid _serviceId;
        /// <summary>A caseworker of the owning agency who is no persona: the team member and screen author made per request.</summary>
        private TestUser _spare = null!;

        private CaseWorld(BeaconFactory factory) => _factory = factory;

        public static async Task<CaseWorld> CreateAsync(BeaconFactory factory)
        {
            var world = new CaseWorld(factory);
            var tag = Guid.NewGuid().ToString("N")[..6];
            foreach (var persona in Everyone)
            {
                world._users[persona] = await factory.CreateInAgencyAsync(persona.County, $"{persona.Agency} {tag}", persona.Role);
            }

            var youth = await factory.WriteYouthAsync("Matrix Youth " + tag, "Matrix Guardian " + tag, county: "placer");
            var c = await factory.WriteCaseAsync(youth, world._users[OwnerSupervisor].AgencyId, world._users[Assigned]);
            var now = DateTime.UtcNow;
            var meetingId = Guid.NewGuid();
            var referralId = Guid.NewGuid();
            var noteId = Guid.NewGuid();
            world._spare = await factory.CreateInAgencyAsync("placer", $"Alpha {tag}", Roles.Caseworker);
            world._caseId = c.Id;
            world._taskId = Guid.NewGuid();
            world._serviceId = Guid.NewGuid();
            await factory.AddAsync<object>(
                new CaseMember { CaseId = c.Id, UserId = world._users[Team].Id, Kind = CaseMemberKind.Team, AddedUtc = now },
                new CaseMember { CaseId = c.Id, UserId = world._users[Invited].Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now, AccessEndsUtc = now.AddDays(7) },
                new CaseMember { CaseId = c.Id, UserId = world._users[InvitationEnded].Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now.AddDays(-9), AccessEndsUtc = now.AddDays(-2) },
                new BreakGlassGrant { CaseId = c.Id, UserId = world._users[Glass].Id, Reason = "matrix test", GrantedUtc = now, EndsUtc = now.AddHours(4) },
                new CaseNote
                {
                    Id = noteId, CaseId = c.Id, AuthorId = world._users[Assigned].Id, CreatedUtc = now,
                    Versions = [new CaseNoteVersion { NoteId = noteId, Number = 1, Text = "matrix note", EditedByUserId = world._users[Assigned].Id, EditedUtc = now }],
                },
                new CaseTask
                {
                    Id = world._taskId, CaseId = c.Id, Title = "matrix task", AssignedUserId = world._users[Invited].Id,
                    CreatedByUserId = world._users[Assigned].Id, CreatedUtc = now,
                },
                new CaseService { Id = world._serviceId, CaseId = c.Id, Kind = ServiceKind.Housing, Status = ServiceStatus.Planned, UpdatedUtc = now },
                new MdtMeeting
                {
                    Id = meetingId, CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = now.AddDays(1), Location = "Room 2",
                    ScheduledByUserId = world._users[Assigned].Id,
                    Attendance = [new MdtAttendance { MeetingId = meetingId, UserId = world._users[Invited].Id }],
                },
                new Referral
                {
                    Id = referralId,
                    CaseId = c.Id, FromAgencyId = c.AgencyId, ToAgencyId = world._users[Referred].AgencyId, Request = "matrix referral",
                    Basis = ConsentBasis.YouthConsent, Shares = SharedParts.Services, Status = ReferralStatus.Accepted,
                    RequestedByUserId = world._users[Assigned].Id, RequestedUtc = now,
                });
            world._values["id"] = c.Id.ToString();
            world._values["meetingId"] = meetingId.ToString();
            world._values["noteId"] = noteId.ToString();
            world._values["referrals/{id}"] = referralId.ToString();
            world._values["youth/{id}"] = youth.Id.ToString();
            return world;
        }

        public async Task<HttpClient> ClientAsync(Persona persona)
        {
            if (!_clients.TryGetValue(persona, out var client))
            {
                client = _factory.CreateBrowserLikeClient();
                var signIn = await client.SignInAsync(_users[persona]);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                _clients[persona] = client;
            }

            return client;
        }

        public Task<long> LastSequenceAsync() =>
            _factory.QueryAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Sequence)).ContinueWith(t => t.Result ?? 0, TaskScheduler.Default);

        /// <summary>
        /// What the audit trail lacks after a request, if anything: a refusal must add an AccessRefused entry,
        /// and a page shown about a record (200 on a route with an id) must add a View or Export entry, both by this user.
        /// </summary>
        public async Task<string?> AuditGapAsync(Persona persona, long before, string method, string route, HttpStatusCode status, Outcome outcome)
        {
            var userId = _users[persona].Id;
            var added = await _factory.QueryAsync(db => db.AuditLog.Where(e => e.UserId == userId && e.Sequence > before)
                .Select(e => e.Action).ToListAsync());
            return outcome switch
            {
                Outcome.NotFound when !added.Contains(AuditAction.AccessRefused) =>
                    $"refused, but no AccessRefused entry was written ({string.Join(", ", added)})",
                Outcome.Served when method == HttpMethods.Get && status == HttpStatusCode.OK && route.Contains('{', StringComparison.Ordinal) &&
                                    !added.Any(a => a is AuditAction.View or AuditAction.Export) =>
                    $"served, but no View entry was written ({string.Join(", ", added)})",
                _ => null,
            };
        }

        /// <summary>
        /// The route with each parameter of the case world filled in (constraints dropped). A team member or an
        /// attached screen is made again whenever a served POST has removed or detached it.
        /// </summary>
        public async Task<string> PathOfAsync(string route)
        {
            if (route.Contains("{memberId", StringComparison.Ordinal))
            {
                var (caseId, spareId) = (_caseId, _spare.Id);
                var kept = await _factory.QueryAsync(db => db.CaseMembers.Where(m => m.CaseId == caseId && m.UserId == spareId)
                    .Select(m => (Guid?)m.Id).SingleOrDefaultAsync());
                if (kept is null)
                {
                    var member = new CaseMember { CaseId = _caseId, UserId = _spare.Id, Kind = CaseMemberKind.Team, AddedUtc = DateTime.UtcNow };
                    await _factory.AddAsync(member);
                    kept = member.Id;
                }

                _values["memberId"] = kept.Value.ToString();
            }

            if (route.Contains("{screenId", StringComparison.Ordinal))
            {
                var screen = new SavedScreen
                {
                    JurisdictionId = "placer", AgencyId = _spare.AgencyId, AuthorId = _spare.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
                    AnswersJson = "{}", ReasonsJson = "[]", CaseId = _caseId, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, CompletedUtc = DateTime.UtcNow,
                };
                await _factory.AddAsync(screen);
                _values["screenId"] = screen.Id.ToString();
            }

            return PathOf(route);
        }

        private string PathOf(string route) => "/" + string.Join('/', route.Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            // A parameter named for the route's first segment ("referrals/{id}") wins over the plain name ("{id}", the case).
            var name = segment.Trim('{', '}', '?').Split(':')[0];
            var scoped = $"{route.Split('/')[0]}/{{{name}}}";
            return _values.TryGetValue(scoped, out var value) || _values.TryGetValue(name, out value) ? value
                : throw new InvalidOperationException($"The matrix has no value for {{{name}}} in {route}: add a record of that kind to the case world.");
        }));

        public async Task<HttpResponseMessage> SendAsync(HttpClient client, CaseEndpoint endpoint, string path)
        {
            if (endpoint.Method == HttpMethods.Get)
            {
                return await client.GetAsync(path);
            }

            // A form with a valid antiforgery token and no other field (but the record a handler needs to find):
            // enough to reach the handler and its access check, and refused as incomplete by those that change things.
            var fields = endpoint.Key switch
            {
                "POST cases/{id:guid}/tasks ?handler=Done" => new Dictionary<string, string> { ["taskId"] = _taskId.ToString(), ["done"] = "false" },
                "POST cases/{id:guid}/services ?handler=Status" => new Dictionary<string, string> { ["serviceId"] = _serviceId.ToString() },
                _ => [],
            };
            var action = endpoint.Handler is null ? path : $"{path}?handler={endpoint.Handler}";
            return await client.PostFormAsync("/county", fields, action);
        }
    }
}
