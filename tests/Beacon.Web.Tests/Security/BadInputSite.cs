using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Beacon.Web.Features.Learn;
using Beacon.Web.Tests.Infrastructure;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

/// <summary>An address the app maps: a page's route and one of its POST handlers, or a JSON endpoint.</summary>
/// <param name="ModelFields">The names the handler binds (its bound properties and parameters, complex ones one level down), for a form the page did not show.</param>
public sealed record PostTarget(string Route, RoutePattern Pattern, string? Handler, bool Anonymous, bool IsPage, IReadOnlyList<string> ModelFields)
{
    public override string ToString() => "/" + Route + (Handler is null ? "" : $" ({Handler})");
}

/// <summary>
/// Beacon for the bad-input tests: limits raised so that the corpus is judged by the pages rather than the rate
/// limiter; an administrator (every role) and a caseworker-supervisor of Placer County, a staff member of Monterey
/// County who owns the "other county's" records, and one record of each kind in both counties.
/// </summary>
public sealed class BadInputSite : BeaconFactory
{
    public const string County = "placer";
    public const string ForeignCounty = "monterey";

    public BadInputSite()
    {
        foreach (var limit in new[] { "TipsPerHour", "ScreensPerMinute", "RegistrationsPerHour", "VerificationsPerMinute", "SignInPerMinute" })
        {
            WithSetting($"Beacon:RateLimits:{limit}", "100000");
        }
    }

    public TestUser Administrator { get; private set; } = null!;
    public TestUser Worker { get; private set; } = null!;
    public CountyRecords Foreign { get; private set; } = null!;

    private readonly Dictionary<string, string> _siteValues = new(StringComparer.Ordinal);
    private IReadOnlyList<Sender>? _staff;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Administrator = await this.CreateInAgencyAsync(County, "Test Agency", [.. Roles.All]);
        Worker = await this.CreateInAgencyAsync(County, "Test Agency", Roles.Caseworker, Roles.Supervisor);
        var target = await this.CreateInAgencyAsync(County, "Test Agency", Roles.Caseworker);
        var invited = await this.CreateInAgencyAsync(County, "Test Agency", Roles.Reporter);
        var foreignWorker = await this.CreateInAgencyAsync(ForeignCounty, "Synthetic Monterey Agency", Roles.Caseworker, Roles.Supervisor);
        Foreign = await BadInputRecords.WriteAsync(this, ForeignCounty, foreignWorker, foreignWorker.Id);
        var learn = Services.GetRequiredService<LearnContent>();
        var course = learn.Training.InLanguage("en").First(c => c.IsPublic);
        _siteValues["agency"] = (await BadInputRecords.AgencyAsync(this, County, "Synthetic Bad Input Agency")).ToString();
        _siteValues["user"] = target.Id.ToString();
        _siteValues["setup"] = await BadInputRecords.InvitationAsync(this, invited.Id);
        _siteValues["course"] = course.Slug;
        _siteValues["lesson"] = course.Lessons[0].Slug;
        _siteValues["slug"] = learn.Library.InLanguage("en")[0].Slug;
    }

    /// <summary>
    /// A fresh set of Placer records for one test: what the corpus accepts changes them (a case transferred, a member
    /// removed), and the next test must not find them changed.
    /// </summary>
    public Task<CountyRecords> NewRecordsAsync() => BadInputRecords.WriteAsync(this, County, Worker, Administrator.Id);

    /// <summary>The administrator and the caseworker-supervisor, each signed in once for the whole class (a code is accepted once).</summary>
    public async Task<IReadOnlyList<Sender>> StaffAsync()
    {
        if (_staff is null)
        {
            var senders = new List<Sender>();
            foreach (var (name, user) in new[] { ("administrator", Administrator), ("caseworker-supervisor", Worker) })
            {
                var client = CreateBrowserLikeClient();
                var signedIn = await client.SignInAsync(user);
                Assert.True(signedIn.StatusCode == System.Net.HttpStatusCode.Redirect, $"{name} could not sign in");
                senders.Add(new Sender(name, client, SignedIn: true));
            }

            _staff = senders;
        }

        return _staff;
    }

    public Sender Anonymous() => new("anonymous", CreateBrowserLikeClient(), SignedIn: false);

    /// <summary>Every POST handler of every page, and every JSON endpoint that takes a body: found, not listed.</summary>
    public async Task<IReadOnlyList<PostTarget>> PostTargetsAsync()
    {
        var loader = Services.GetRequiredService<PageLoader>();
        var targets = new List<PostTarget>();
        var endpoints = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // A page answers at "x" and "x/Index": its shortest route.
        foreach (var page in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
                     .Select(g => g.OrderBy(e => e.RoutePattern.RawText!.Length).First()))
        {
            var compiled = await loader.LoadAsync(page.Metadata.GetMetadata<PageActionDescriptor>()!, page.Metadata);
            var routeNames = page.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var bound = compiled.BoundProperties.SelectMany(p => Names(p.Name, p.ParameterType)).ToList();
            targets.AddRange(compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)).Select(h => new PostTarget(
                Normalized(page.RoutePattern), page.RoutePattern, h.Name, page.Metadata.GetMetadata<IAllowAnonymous>() is not null, IsPage: true,
                [.. bound, .. h.Parameters.Where(p => !routeNames.Contains(p.Name)).SelectMany(p => Names(p.Name, p.ParameterType))])));
        }

        targets.AddRange(endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null &&
                        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH") == true)
            .Select(e => new PostTarget(Normalized(e.RoutePattern), e.RoutePattern, null, e.Metadata.GetMetadata<IAllowAnonymous>() is not null, IsPage: false,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } body
                    ? [.. body.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))] : [])));
        return targets;
    }

    /// <summary>The form names a value of this type binds from: its own name, or one level of a complex type's properties.</summary>
    private static IEnumerable<string> Names(string name, Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(plain))
        {
            return [];
        }

        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(Guid) || plain == typeof(decimal) ||
               plain == typeof(DateTime) || plain == typeof(DateOnly) || plain.IsAssignableTo(typeof(System.Collections.IEnumerable))
            ? [name]
            : plain.GetProperties().Where(p => p.CanWrite).Select(p => $"{name}.{p.Name}");
    }

    /// <summary>Every page's route, for the crawl that reads what the pages show.</summary>
    public IReadOnlyList<RoutePattern> PageRoutes() => Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
        .Select(g => g.OrderBy(e => e.RoutePattern.RawText!.Length).First().RoutePattern).ToList();

    /// <summary>The route without constraints: <c>cases/{id}/notes/{noteId}</c>.</summary>
    public static string Normalized(RoutePattern pattern) => string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    }))));

    /// <summary>The path of <paramref name="pattern"/> with the records of <paramref name="records"/>; null when a parameter has no value here.</summary>
    public string? PathOf(RoutePattern pattern, CountyRecords records)
    {
        var route = Normalized(pattern);
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternParameterPart parameter)
                {
                    var value = Value(route, parameter.Name, records);
                    if (value is null && !parameter.IsOptional)
                    {
                        return null;
                    }

                    text += Uri.EscapeDataString(value ?? "");
                }
                else
                {
                    text += part is RoutePatternLiteralPart literal ? literal.Content : ((RoutePatternSeparatorPart)part).Content;
                }
            }

            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private string? Value(string route, string name, CountyRecords r) => (name, route) switch
    {
        // Breaking the glass is for a case of another agency, which the user cannot otherwise see.
        ("id", "cases/{id}/break-glass") => r.UnrelatedCaseId.ToString(),
        ("id", _) when route.StartsWith("cases/", StringComparison.Ordinal) => r.CaseId.ToString(),
        ("id", _) when route.StartsWith("referrals/", StringComparison.Ordinal) => r.ReferralId.ToString(),
        ("id", _) when route.StartsWith("intake/tips/", StringComparison.Ordinal) => r.TipId.ToString(),
        ("id", _) when route.StartsWith("intake/", StringComparison.Ordinal) => r.TipItemId.ToString(),
        ("id", _) when route.StartsWith("reports/", StringComparison.Ordinal) => r.ReportId.ToString(),
        ("id", _) when route.StartsWith("youth/", StringComparison.Ordinal) => r.YouthId.ToString(),
        ("id", _) when route.StartsWith("screening/edit/", StringComparison.Ordinal) => r.DraftId.ToString(),
        ("id", _) when route.StartsWith("screening/", StringComparison.Ordinal) => r.ScreenId.ToString(),
        ("id", _) when route.StartsWith("task-force/", StringComparison.Ordinal) => r.EventId.ToString(),
        ("id", _) when route.StartsWith("admin/agencies/", StringComparison.Ordinal) => _siteValues["agency"],
        ("id", _) when route.StartsWith("admin/users/", StringComparison.Ordinal) => _siteValues["user"],
        ("id", _) when route.StartsWith("admin/jurisdictions/", StringComparison.Ordinal) => r.County,
        ("id", _) when route.StartsWith("admin/instruments/", StringComparison.Ordinal) => "beacon-quick", // its last public version: refused
        ("version", _) => "1",
        ("contactId", _) => r.County + "-child-welfare",
        ("noteId", _) => r.NoteId.ToString(),
        ("memberId", _) => r.MemberId.ToString(),
        ("screenId", _) => r.ScreenId.ToString(),
        ("meetingId", _) => r.MeetingId.ToString(),
        ("token", _) when route.StartsWith("setup/", StringComparison.Ordinal) => _siteValues["setup"],
        ("token", _) => r.RegistrationToken,
        ("course", _) => _siteValues["course"],
        ("lesson", _) => _siteValues["lesson"],
        ("slug", _) => _siteValues["slug"],
        ("county", _) => r.County,
        // Without an article, the preview is the form that checks a draft.
        ("language" or "slug", _) when route.StartsWith("admin/content/preview", StringComparison.Ordinal) => null,
        ("language", _) => "en",
        _ => null,
    };
}
