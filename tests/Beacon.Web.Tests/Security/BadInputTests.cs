using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Beacon.Web.Tests.Security.Malformation;

namespace Beacon.Web.Tests.Security;

/// <summary>
/// The corpus of malformed requests (<see cref="BadInputCorpus"/>) sent to every POST handler of every page and to
/// every JSON endpoint, found from the app's endpoints rather than listed: as an anonymous visitor, as an administrator
/// in every role and as a caseworker-supervisor of Placer County. Every answer is below 500; a 4xx names the problem;
/// no page ever carries an injected string as live markup; and afterwards the database holds an injected marker only
/// where a text field stored what a person typed in a request the app accepted.
/// </summary>
[Trait("Category", "Data")]
public sealed partial class BadInputTests(BadInputSite site, ITestOutputHelper output) : IClassFixture<BadInputSite>
{
    private static readonly Malformation[] Refused =
        [NoToken, OtherUsersToken, AnonymousToken, PlainText, Json, Oversized, TooManyFields, BrokenMultipart, Nul, InvalidUtf8, MultipartNul, HugeNumbers, ExtremeDates];

    /// <summary>Pages read per sender by the crawl: every page route first, then what they link to.</summary>
    private const int CrawlLimit = 160;

    /// <summary>Forms that end a session: sent only by the anonymous visitor, or the staff member would be signed out for the rest.</summary>
    private static readonly HashSet<string> EndsTheSession = ["account/sign-out"];

    [Fact]
    public async Task FormPosts_MalformedRequests_AnswerBelow500NamingTheProblemAndStoreNothing()
    {
        var run = new BadInputRun(site);

        var records = await site.NewRecordsAsync();

        await SendFormCorpusAsync(run, records, Refused);
        // What was accepted at the edges (a date in the year 9999) is shown by staff pages; the public ones show none of it.
        await CrawlAsync(run, records, anonymousToo: false);
        await CheckStoredAsync(run);

        Report(run);
    }

    [Fact]
    public async Task FormPosts_ScriptAndSqlInEveryField_NeverLiveInAPageAndStoredOnlyAsTyped()
    {
        var run = new BadInputRun(site);
        var records = await site.NewRecordsAsync();

        await SendFormCorpusAsync(run, records, [Injection, InjectionEverywhere]);
        await CrawlAsync(run, records, anonymousToo: true);
        await CheckStoredAsync(run);

        Report(run);
    }

    private async Task SendFormCorpusAsync(BadInputRun run, CountyRecords records, IReadOnlyList<Malformation> malformations)
    {
        var anonymous = site.Anonymous();
        var senders = new List<Sender> { anonymous };
        senders.AddRange(await site.StaffAsync());
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sender in senders)
        {
            tokens[sender.Name] = (await FormAsync(sender, "/county", "/county", null))?.Token ?? throw new InvalidOperationException("No token on /county");
        }

        var seed = 0;
        var oversizedSent = new HashSet<PostTarget>();
        foreach (var target in Ordered((await site.PostTargetsAsync()).Where(t => t.IsPage)))
        {
            if (site.PathOf(target.Pattern, records) is not { } path)
            {
                run.Failures.Add($"{target}: no value for its route's parameters in BadInputSite; add one so the corpus reaches it.");
                continue;
            }

            foreach (var sender in senders.Where(s => !(s.SignedIn && EndsTheSession.Contains(target.Route))))
            {
                var other = senders.First(s => s.SignedIn && s != sender);
                var form = await FindFormAsync(sender, path, target.Handler);
                if (form is null && sender.SignedIn)
                {
                    output.WriteLine($"  {target} shows {sender.Name} no form: its fields are named from the model");
                }

                var builder = Builder(target, path, form, tokens[sender.Name], seed++);
                // A form the page does not show this sender (not theirs to use, or not in this state) gets every field at once:
                // one field at a time would only repeat the same refusal.
                // A body past the form reader's limit is refused before anything of the sender counts: sent (4 MiB) once per form.
                foreach (var malformation in malformations.Where(m => form is not null || m is not (Injection or InvalidUtf8 or MultipartNul))
                             .Where(m => m != Oversized || (form is not null && oversizedSent.Add(target))))
                {
                    var otherToken = malformation == AnonymousToken ? sender.SignedIn ? tokens[anonymous.Name] : null : tokens[other.Name];
                    var requests = builder.For(malformation, otherToken).ToList();
                    for (var i = 0; i < requests.Count; i++)
                    {
                        var (sent, _) = await run.SendAsync(sender, target.ToString(), requests[i].Case, requests[i].Request, requests[i].Marked, form is not null);
                        if (sent.Accepted)
                        {
                            // What was accepted changed the record: its page shows it (checked), and the form's stamp is new.
                            if (sent.Location is { } location)
                            {
                                await run.ReadAsync(sender, location);
                            }

                            form = await FindFormAsync(sender, path, target.Handler);
                            builder = Builder(target, path, form, tokens[sender.Name], seed);
                            requests = builder.For(malformation, otherToken).ToList();
                        }
                    }
                }
            }
        }
    }

    private static FormRequests Builder(PostTarget target, string path, ScannedForm? form, string token, int seed) => new(
        form?.Action ?? path + (target.Handler is null ? "" : "?handler=" + target.Handler),
        form?.Fields ?? [.. target.ModelFields.Select(n => new FormField(n, FieldKind.Unseen, "", "Synthetic text"))],
        form?.Token ?? token, seed);

    /// <summary>The form that posts to <paramref name="path"/>: on its own page, or on the record's page above it (a task's "done" is on the case).</summary>
    private static async Task<ScannedForm?> FindFormAsync(Sender sender, string path, string? handler)
    {
        for (var page = path; page.Count(c => c == '/') > 1; page = page[..page.LastIndexOf('/')])
        {
            if (await FormAsync(sender, page, path, handler) is { } form)
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>The form of the page at <paramref name="page"/> that posts to <paramref name="path"/> and <paramref name="handler"/>, as the sender sees it.</summary>
    private static async Task<ScannedForm?> FormAsync(Sender sender, string page, string path, string? handler)
    {
        var response = await sender.Client.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return HtmlFormScanner.PostForms(await response.Content.ReadAsStringAsync(), page).FirstOrDefault(f =>
            string.Equals(f.Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) &&
            string.Equals(f.Handler ?? "", handler ?? "", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Forms that end or hand over a record last, so that what they accept does not hide the other forms of the record.</summary>
    private static IEnumerable<PostTarget> Ordered(IEnumerable<PostTarget> targets) => targets.OrderBy(t =>
        EndsARecord().IsMatch(t.Route) || t.Handler is "Deactivate" or "Decline" or "Done" or "Enable" ? 1 : 0).ThenBy(t => t.Route, StringComparer.Ordinal);

    /// <summary>
    /// Reads every page (with this test's records in its address) and every page they link to, as each sender: no
    /// marker as live markup anywhere, and the markers shown are noted.
    /// </summary>
    private async Task CrawlAsync(BadInputRun run, CountyRecords records, bool anonymousToo)
    {
        var routes = site.PageRoutes();
        var pagePattern = new Regex("^/(?:" + string.Join("|", routes.Select(r => Regex.Replace(Regex.Escape(BadInputSite.Normalized(r)), @"\\\{[^}]+}", "[^/?]+"))) + ")(?:\\?.*)?$");
        var senders = new List<Sender>(anonymousToo ? [site.Anonymous()] : []);
        senders.AddRange(await site.StaffAsync());
        foreach (var sender in senders)
        {
            var queue = new Queue<string>(routes.Select(r => site.PathOf(r, records)).OfType<string>());
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (queue.TryDequeue(out var path) && visited.Count < CrawlLimit)
            {
                if (!visited.Add(path) || NotRead().IsMatch(path))
                {
                    continue;
                }

                var html = await run.ReadAsync(sender, path);
                foreach (Match link in Link().Matches(html ?? ""))
                {
                    var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                    if (pagePattern.IsMatch(href) && !visited.Contains(href))
                    {
                        queue.Enqueue(href);
                    }
                }
            }
        }
    }

    /// <summary>A marker in the database is a failure unless a text box stored what was typed in a request the app accepted.</summary>
    private async Task CheckStoredAsync(BadInputRun run)
    {
        var stored = (await StoredText.MarkersAsync(site)).Where(s => run.Markers.ContainsKey(s.Marker)).ToList();
        foreach (var found in stored)
        {
            var (request, field) = run.Markers[found.Marker];
            var why = found.Table == "AuditLog" ? "the audit trail holds what was typed"
                : request.Case is not (nameof(Injection) or nameof(InjectionEverywhere) or nameof(InvalidUtf8) or nameof(MultipartNul)) ? "a malformed request stored it"
                : field.Kind != FieldKind.FreeText ? $"a {field.Kind} field (type \"{field.Type}\") stored what was sent in it"
                : !request.Accepted ? "the request was refused, yet this was stored"
                : null;
            if (why is not null)
            {
                run.Failures.Add($"{found.Marker} in {found.Table}.{found.Column}: {why}. {request}, field {field.Name}");
            }
        }

        var typed = stored.Where(s => run.Failures.All(f => !f.StartsWith(s.Marker, StringComparison.Ordinal))).ToList();
        output.WriteLine($"{typed.Count} marker(s) stored as typed, {typed.Count(t => run.ShownMarkers.Contains(t.Marker))} of them seen (encoded) on a page:");
        foreach (var t in typed)
        {
            output.WriteLine($"  {t.Table}.{t.Column} via {run.Markers[t.Marker].Field.Name}: {(run.ShownMarkers.Contains(t.Marker) ? "shown" : "not seen")} ({run.Markers[t.Marker].Request})");
        }
    }

    private void Report(BadInputRun run)
    {
        output.WriteLine($"{run.Sent} requests, {run.Markers.Count} markers sent, {run.Failures.Count} failure(s). Answers by case:");
        foreach (var (outcome, count) in run.Outcomes)
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        output.WriteLine("Time by case: " + string.Join(", ", run.Durations.Select(d => $"{d.Key} {d.Value.TotalSeconds:0.0} s")));

        var failures = run.Failures.Distinct().ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(150)));
    }

    [GeneratedRegex("/(transfer|status|disable|remove|detach|cancel|close|retire|link|assign|reinvite)$|^account/sign-out$")]
    private static partial Regex EndsARecord();

    [GeneratedRegex("^/account/sign-out|\\.(pdf|csv|ics)$|/(summary|export|pdf)$|[?&](handler|lang)=", RegexOptions.IgnoreCase)]
    private static partial Regex NotRead();

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();
}
