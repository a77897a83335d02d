using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;

namespace Beacon.Web.Tests.Security;

/// <summary>Who sends a request: a name for the report, their client, and whether they are signed in.</summary>
public sealed record Sender(string Name, HttpClient Client, bool SignedIn);

/// <summary>One request of the corpus and what came of it; the markers it carried name their fields.</summary>
public sealed record SentRequest(string Sender, string Target, string Case, int Status, bool Accepted, string? Location)
{
    public override string ToString() => $"{Case} to {Target} as {Sender} → {Status}{(Location is null ? "" : " " + Location)}";
}

/// <summary>
/// Sends the corpus and judges every answer as it comes: never a 500; never a marker as live markup in an HTML page;
/// a 4xx that names the problem (a problem-details body under /api, the error page's reason or the page's error
/// summary otherwise); for the malformations with one right answer, that answer. Keeps which request and field each
/// marker went out in, and which markers the pages showed, for the database check at the end.
/// </summary>
public sealed partial class BadInputRun(BadInputSite site)
{
    private static readonly ResourceManager Shared = new("Beacon.Web.Resources.SharedResource", typeof(Program).Assembly);

    public List<string> Failures { get; } = [];
    public Dictionary<string, (SentRequest Request, FormField Field)> Markers { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ShownMarkers { get; } = new(StringComparer.Ordinal);
    public int Sent { get; private set; }

    /// <summary>How many requests of each case got each status, for the test's output.</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>The time the requests of each case took, for the test's output (the class must stay quick).</summary>
    public SortedDictionary<string, TimeSpan> Durations { get; } = new(StringComparer.Ordinal);

    public BadInputSite Site => site;

    public static string Text(string key, string language = "en") =>
        Shared.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException($"No string {key}.");

    /// <summary>The status and page text a request of this case must get when its sender can use the page.</summary>
    public static (int Status, string Key)? Expected(string malformation) => Enum.TryParse<Malformation>(malformation, out var known) ? known switch
    {
        Malformation.NoToken or Malformation.OtherUsersToken or Malformation.AnonymousToken => (400, "Error.Refused.Token"),
        Malformation.PlainText or Malformation.Json => (415, "Error.Refused.NotAForm"),
        Malformation.Oversized or Malformation.TooManyFields => (413, "Error.Refused.TooLarge"),
        Malformation.BrokenMultipart or Malformation.Nul => (400, "Error.Refused.Unreadable"),
        _ => null,
    } : null;

    /// <summary>Sends one request, judges the answer, and records the markers it carried (by field).</summary>
    public async Task<(SentRequest Sent, string Body)> SendAsync(
        Sender sender, string target, string malformation, HttpRequestMessage request, IReadOnlyDictionary<string, FormField> marked, bool reached)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await sender.Client.SendAsync(request);
        Sent++;
        var body = await response.Content.ReadAsStringAsync();
        Durations[malformation] = Durations.GetValueOrDefault(malformation) + System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        var accepted = status is >= 300 and < 400
            ? location is not null && !Refusal().IsMatch(location)
            : status == 200 && !body.Contains("id=\"error-summary\"", StringComparison.Ordinal);
        var sent = new SentRequest(sender.Name, target, malformation, status, accepted, location);
        var outcome = $"{malformation} {status}{(accepted ? " accepted" : "")}";
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        foreach (var (marker, field) in marked)
        {
            Markers[marker] = (sent, field);
        }

        Judge(sent, response, body, reached);
        return (sent, body);
    }

    /// <summary>Reads a page as its sender (a redirect's target, a page of the crawl) and checks what it shows.</summary>
    public async Task<string?> ReadAsync(Sender sender, string path)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await sender.Client.GetAsync(path);
        Sent++;
        Durations["(reading pages)"] = Durations.GetValueOrDefault("(reading pages)") + System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            Failures.Add($"GET {path} as {sender.Name} answered {(int)response.StatusCode}");
        }

        CheckPage($"GET {path} as {sender.Name}", response, body);
        return response.StatusCode == HttpStatusCode.OK ? body : null;
    }

    private void Judge(SentRequest sent, HttpResponseMessage response, string body, bool reached)
    {
        CheckPage(sent.ToString(), response, body);
        if (sent.Status >= 500)
        {
            Failures.Add($"{sent}: a server error{Heading(body)}");
            return;
        }

        var isApi = sent.Target.StartsWith("/api", StringComparison.Ordinal);
        if (reached && !isApi && Expected(sent.Case) is var (status, key) && (sent.Status != status || !Shows(body, key)))
        {
            Failures.Add($"{sent}: expected {status} saying \"{Text(key)[..40]}…\"{Heading(body)}");
        }
        else if (sent.Status is >= 400 and < 500 && !NamesTheProblem(isApi, response, body))
        {
            Failures.Add($"{sent}: a {sent.Status} that does not name the problem{Heading(body)}");
        }

        if (!isApi && FrameworkMessage().Match(WebUtility.HtmlDecode(body)) is { Success: true } framework)
        {
            Failures.Add($"{sent}: the error summary shows the framework's own English message (\"…{framework.Value}…\"), not one of Beacon's in the page's language");
        }
    }

    /// <summary>No marker as live markup; the markers a page shows (encoded) are noted.</summary>
    private void CheckPage(string what, HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return;
        }

        foreach (var live in BadInputCorpus.LiveMarkersIn(body))
        {
            Failures.Add($"{what}: the page carries {live} as live markup (script, event handler or javascript: address)");
        }

        ShownMarkers.UnionWith(BadInputCorpus.MarkersIn(body));
    }

    private static bool NamesTheProblem(bool isApi, HttpResponseMessage response, string body)
    {
        if (isApi)
        {
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" &&
                   (body.Contains("\"detail\":\"", StringComparison.Ordinal) || body.Contains("\"errors\":{", StringComparison.Ordinal) ||
                    body.Contains("\"title\":\"", StringComparison.Ordinal));
        }

        return body.Contains("id=\"error-summary\"", StringComparison.Ordinal) || Shows(body, "Error.NotFoundText") ||
               new[] { "Token", "NotAForm", "TooLarge", "Unreadable", "TooMany", "BadRequest" }.Any(k => Shows(body, "Error.Refused." + k));
    }

    /// <summary>The text in English or Spanish: the corpus's own posts to the language switch change the language of the session.</summary>
    private static bool Shows(string body, string key)
    {
        var text = WebUtility.HtmlDecode(body);
        return text.Contains(Text(key), StringComparison.Ordinal) || text.Contains(Text(key, "es"), StringComparison.Ordinal);
    }

    private static string Heading(string body) =>
        (H1().Match(body) is { Success: true } h ? $" (the page says \"{WebUtility.HtmlDecode(h.Groups[1].Value).Trim()}\"" : " (") +
        (Reason().Match(body) is { Success: true } r ? $": \"{WebUtility.HtmlDecode(r.Groups[1].Value).Trim()[..Math.Min(60, r.Groups[1].Value.Trim().Length)]}…\")" : ")");

    [GeneratedRegex("/account/(sign-in|access-denied)|^/error", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();

    /// <summary>ASP.NET Core's default model-binding and validation messages, which name C# properties and are never translated.</summary>
    [GeneratedRegex("is not valid for [A-Za-z.\\[\\]0-9]+\\.|The value '[^']*' is (not valid|invalid)\\.|The field [A-Za-z.]+ must be a number|The supplied value is invalid|parameter or property was not provided|A value is required\\.|The [A-Za-z.]+ field is required\\.")]
    private static partial Regex FrameworkMessage();

    [GeneratedRegex("<p id=\"error-reason\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Reason();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();
}
