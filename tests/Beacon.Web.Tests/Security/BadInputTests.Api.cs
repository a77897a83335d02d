using System.Text;

namespace Beacon.Web.Tests.Security;

public sealed partial class BadInputTests
{
    /// <summary>
    /// Every JSON endpoint that takes a body gets bodies that are not JSON, are cut short, empty, of the wrong type,
    /// not UTF-8, nested past any sane depth, with numbers past every integer, values of the wrong kind, script and
    /// SQL in every string and key, and one far too long: never a 500, every 4xx a problem-details body that names
    /// what is wrong, and nothing stored (the API stores nothing).
    /// </summary>
    [Fact]
    public async Task JsonEndpoints_MalformedBodies_AnswerProblemDetailsNamingTheProblemAndStoreNothing()
    {
        var run = new BadInputRun(site);
        var senders = new List<Sender> { site.Anonymous() };
        senders.AddRange(await site.StaffAsync());
        var targets = (await site.PostTargetsAsync()).Where(t => !t.IsPage).ToList();
        Assert.Contains(targets, t => t.Route == "api/scan");

        foreach (var target in targets)
        {
            var path = "/" + target.Route;
            foreach (var sender in senders)
            {
                var reachable = target.Anonymous || sender.SignedIn;
                foreach (var (name, mediaType, body, marked) in Bodies(target.ModelFields))
                {
                    var content = new ByteArrayContent(body);
                    if (mediaType is not null)
                    {
                        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
                    }

                    var (sent, _) = await run.SendAsync(sender, path, name, new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, marked, reachable);
                    if (reachable && name != "Injection" && sent.Status is < 400 or >= 500)
                    {
                        run.Failures.Add($"{sent}: a malformed body must be refused with a 4xx");
                    }
                }
            }
        }

        // Parameters in the address: a number past int, an identifier that is a script.
        foreach (var sender in senders.Where(s => s.SignedIn))
        {
            foreach (var path in new[]
                     {
                         "/api/instruments/beacon-full/v99999999999/questionnaire",
                         "/api/instruments/" + Uri.EscapeDataString(BadInputCorpus.Payloads[0].With(BadInputCorpus.NewMarker())) + "/v1/questionnaire",
                         "/api/screens/not-a-guid/questionnaire-response", "/api/no-such-endpoint",
                     })
            {
                var (sent, _) = await run.SendAsync(sender, path, "Address", new HttpRequestMessage(HttpMethod.Get, path), new Dictionary<string, FormField>(), true);
                if (sent.Status != 404)
                {
                    run.Failures.Add($"{sent}: expected a 404");
                }
            }
        }

        await CheckStoredAsync(run);
        Report(run);
    }

    /// <summary>The JSON corpus for a body whose properties are <paramref name="properties"/> (camelCase).</summary>
    private static IEnumerable<(string Name, string? MediaType, byte[] Body, IReadOnlyDictionary<string, FormField> Marked)> Bodies(IReadOnlyList<string> properties)
    {
        const string json = "application/json";
        var none = new Dictionary<string, FormField>();
        var first = properties.FirstOrDefault() ?? "text";
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        string Object(Func<string, string> value) => "{" + string.Join(",", properties.Select(p => $"\"{p}\":{value(p)}")) + "}";

        var marker = BadInputCorpus.NewMarker();
        yield return ("NotJson", json, Utf8(BadInputCorpus.Payloads[0].With(marker)), Unseen(marker));
        yield return ("Truncated", json, Utf8($"{{\"{first}\":"), none);
        yield return ("Empty", json, [], none);
        yield return ("Array", json, Utf8("[]"), none);
        yield return ("PlainText", "text/plain", Utf8(Object(_ => "\"x\"")), none);
        yield return ("Form", "application/x-www-form-urlencoded", Utf8($"{first}=x"), none);
        yield return ("NoContentType", null, Utf8(Object(_ => "\"x\"")), none);
        marker = BadInputCorpus.NewMarker();
        yield return ("InvalidUtf8", json, [.. Utf8($"{{\"{first}\":\""), .. BadInputCorpus.InvalidUtf8(marker), .. Utf8("\"}")], Unseen(marker));
        yield return ("Deep", json, Utf8($"{{\"{first}\":" + new string('[', 5000) + new string(']', 5000) + "}"), none);
        foreach (var number in new[] { "99999999999999999999999999999", "1e400", "-9223372036854775809" })
        {
            yield return ("HugeNumbers", json, Utf8(Object(_ => number)), none);
            yield return ("HugeNumbers", json, Utf8(Object(p => p == "answers" ? $"{{\"hotel-keys\":{number}}}" : number)), none);
        }

        yield return ("WrongTypes", json, Utf8(Object(_ => "[]")), none);
        yield return ("WrongTypes", json, Utf8(Object(_ => "{\"a\":{}}")), none);
        yield return ("WrongTypes", json, Utf8(Object(_ => "true")), none);
        var injected = new Dictionary<string, FormField>();
        string Injected()
        {
            var m = BadInputCorpus.NewMarker();
            injected[m] = new FormField("json", FieldKind.Unseen, "json", "");
            return System.Text.Json.JsonSerializer.Serialize(BadInputCorpus.Payloads[injected.Count % BadInputCorpus.Payloads.Count].With(m));
        }

        yield return ("Injection", json, Utf8(Object(p => p == "answers" ? $"{{{Injected()}:1,\"hotel-keys\":{Injected()}}}" : Injected())), injected);
        yield return ("Oversized", json, Utf8(Object(p => p == "answers" ? "{}" : "\"" + new string('a', 1_300_000) + "\"")), none);
    }

    private static Dictionary<string, FormField> Unseen(string marker) => new() { [marker] = new FormField("body", FieldKind.Unseen, "json", "") };
}
