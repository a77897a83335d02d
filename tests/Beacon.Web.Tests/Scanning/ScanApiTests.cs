using Beacon.Web.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Beacon.Core.Accounts;
using Beacon.Web.Features.Scanning;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Screening;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Beacon.Web.Tests.Scanning;

/// <summary>
/// <c>POST /api/scan</c>: the findings of a note for any signed-in staff member, in the shape the command line
/// prints; bad input named by field; and nothing of the note kept anywhere (database, audit trail, logs).
/// </summary>
[Trait("Category", "Data")]
public sealed class ScanApiTests(CapturingLogsFactory factory) : IClassFixture<CapturingLogsFactory>
{
    private const string Path = "/api/scan";
    private const string English = "She has two phones and a hotel key card. Denies an older boyfriend.";
    private const string Spanish = "Ella tiene dos celulares y una llave de hotel. Niega tener un novio mayor.";

    [Fact]
    public async Task Scan_EnglishNote_ReturnsTheFindingsWithTheirSpans()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await client.PostAsJsonAsync(Path, new { text = English, lang = (string?)null });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["lang", "findings"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("en", json.GetProperty("lang").GetString());
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(["indicator", "status", "start", "end", "text", "cue"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("multiple-phones", "present", "two phones", JsonValueKind.Null), ("hotel-keys", "present", "hotel key card", JsonValueKind.Null),
             ("older-partner", "negated", "older boyfriend", JsonValueKind.String)],
            findings.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("status").GetString(), f.GetProperty("text").GetString(),
                f.GetProperty("cue").ValueKind)));
        Assert.Equal("Denies", findings[2].GetProperty("cue").GetString());
        Assert.All(findings, f => Assert.Equal(f.GetProperty("text").GetString(), English[f.GetProperty("start").GetInt32()..f.GetProperty("end").GetInt32()]));
    }

    [Fact]
    public async Task Scan_SpanishNote_IsDetectedOrReadInTheLanguageGiven()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);

        var detected = await ReadAsync(await client.PostAsJsonAsync(Path, new { text = Spanish }));
        var forced = await ReadAsync(await client.PostAsJsonAsync(Path, new { text = Spanish, lang = "en" }));

        Assert.Equal("es", detected.GetProperty("lang").GetString());
        Assert.Equal(["multiple-phones", "hotel-keys", "older-partner"],
            detected.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("indicator").GetString()));
        Assert.Equal("negated", detected.GetProperty("findings")[2].GetProperty("status").GetString());
        Assert.Equal("en", forced.GetProperty("lang").GetString());
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Trainer)]
    public async Task Scan_AnyStaffRole_IsAllowed(string role)
    {
        var (_, client) = await factory.SignedInAsync("monterey", role);

        var response = await client.PostAsJsonAsync(Path, new { text = English });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Scan_Anonymous_IsRefusedWithoutFindings()
    {
        var response = await factory.CreateBrowserLikeClient().PostAsJsonAsync(Path, new { text = English });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("findings", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{}", "text", "missing or empty")]
    [InlineData("{\"text\":null,\"lang\":\"en\"}", "text", "missing or empty")]
    [InlineData("{\"text\":\"\"}", "text", "missing or empty")]
    [InlineData("{\"text\":\" \\n \"}", "text", "missing or empty")]
    [InlineData("{\"text\":\"Denies an older boyfriend.\",\"lang\":\"fr\"}", "lang", "Unknown language: use \"en\" or \"es\", or null to detect it.")]
    [InlineData("{\"text\":\"Denies an older boyfriend.\",\"lang\":\"auto\"}", "lang", "Unknown language")]
    [InlineData("{\"text\":\"Denies an older boyfriend.\",\"lang\":\"\"}", "lang", "Unknown language")]
    public async Task Scan_BadField_Is400NamingIt(string body, string field, string message)
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Supervisor);

        var (status, errors) = await PostRawAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("{", "application/json")]
    [InlineData("{\"text\":5}", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("{\"text\":\"two phones\"}", "text/plain")]
    public async Task Scan_MalformedBody_IsAClientError(string body, string mediaType)
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Supervisor);

        var response = await client.PostAsync(Path, new StringContent(body, Encoding.UTF8, mediaType));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public void Scan_Endpoint_LimitsTheBodyKestrelReads()
    {
        // The test server does not enforce body limits (Kestrel does, with a 413): what is checked is that the
        // endpoint asks for one, sized for the longest note written as JSON escapes.
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText?.TrimEnd('/') == Path && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);

        Assert.Equal(ScanApi.MaxBodyBytes, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.True(ScanApi.MaxBodyBytes >= ScanApi.MaxTextLength * 6);
    }

    [Fact]
    public async Task Scan_TextOverTheLimitAndUnknownLang_Is400NamingBoth()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Supervisor);
        var atLimit = new string('a', ScanApi.MaxTextLength);

        var (ok, _) = await PostRawAsync(client, JsonSerializer.Serialize(new { text = atLimit }));
        var (status, errors) = await PostRawAsync(client, JsonSerializer.Serialize(new { text = atLimit + "a", lang = "de" }));

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The note is 200,001 characters long; the limit is 200,000.", errors.GetProperty("text")[0].GetString());
        Assert.Contains("Unknown language", errors.GetProperty("lang")[0].GetString());
    }

    [Fact]
    public async Task Scan_NoteWithASentinel_IsNeitherStoredNorAuditedNorLogged()
    {
        const string sentinel = "Periwinkle-Quasar-7741";
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var auditBefore = (await factory.EntriesAsync()).Count;
        var logsBefore = factory.Lines.Count;

        var scanned = await client.PostAsJsonAsync(Path, new { text = $"{English} Her street name is {sentinel}." });
        var tooLong = await client.PostAsJsonAsync(Path, new { text = sentinel + new string('x', ScanApi.MaxTextLength) });
        var badLang = await client.PostAsJsonAsync(Path, new { text = English, lang = sentinel });

        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.DoesNotContain(sentinel, await tooLong.Content.ReadAsStringAsync());
        Assert.DoesNotContain(sentinel, await badLang.Content.ReadAsStringAsync());
        Assert.Equal(auditBefore, (await factory.EntriesAsync()).Count);
        var during = factory.Lines.Skip(logsBefore).ToList();
        Assert.Contains(during, l => l.Text.Contains(Path, StringComparison.Ordinal) && l.Level <= LogLevel.Debug); // the capture sees the requests
        var leaked = factory.Lines.Where(l => l.Text.Contains(sentinel, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, "The note reached the logs:\n" + string.Join("\n", leaked));
        // Every SQL command the app runs is logged under this category; the sign-in above wrote some, the scans none.
        Assert.Contains(factory.Lines, l => l.Category == DbCommands && IsWrite(l.Text));
        var writes = during.Where(l => l.Category == DbCommands && IsWrite(l.Text)).ToList();
        Assert.True(writes.Count == 0, "The scans wrote to the database:\n" + string.Join("\n", writes));
    }

    [Fact]
    public async Task ScanPage_NoteWithASentinel_IsNeitherAuditedNorLogged()
    {
        // The page's handler reads the note from the form: MVC logs bound handler arguments at Trace level.
        const string sentinel = "Marigold-Nebula-3319";
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var auditBefore = (await factory.EntriesAsync()).Count;
        var logsBefore = factory.Lines.Count;

        var page = await client.PostFormAsync("/scan", new Dictionary<string, string> { ["text"] = $"{English} Her street name is {sentinel}.", ["language"] = "auto" });

        Assert.Contains(sentinel, await page.Content.ReadAsStringAsync());
        Assert.Equal(auditBefore, (await factory.EntriesAsync()).Count);
        Assert.Contains(factory.Lines.Skip(logsBefore), l => l.Text.Contains("handler", StringComparison.OrdinalIgnoreCase) && l.Level == LogLevel.Trace);
        var leaked = factory.Lines.Where(l => l.Text.Contains(sentinel, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, "The note reached the logs:\n" + string.Join("\n", leaked));
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheScanRequestAndResponse()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Analyst);

        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var post = doc.GetProperty("paths").GetProperty(Path).GetProperty("post");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.Equal("#/components/schemas/ScanRequest",
            post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/ScanResponse",
            post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal(["text", "lang"], schemas.GetProperty("ScanRequest").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["lang", "findings"], schemas.GetProperty("ScanResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(schemas.GetProperty("ScanRequest").GetProperty("required").EnumerateArray(), r => r.GetString() == "lang");
        var finding = schemas.GetProperty("ScanFinding").GetProperty("properties");
        Assert.Equal(["indicator", "status", "start", "end", "text", "cue"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("integer", finding.GetProperty("start").GetProperty("type").GetString());
        Assert.Contains("present, negated or uncertain", finding.GetProperty("status").GetProperty("description").GetString());
    }

    private const string DbCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    private static bool IsWrite(string sql) =>
        new[] { "INSERT ", "UPDATE ", "DELETE " }.Any(verb => sql.Contains(verb, StringComparison.OrdinalIgnoreCase));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Errors)> PostRawAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync(Path, new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, json.TryGetProperty("errors", out var errors) ? errors : default);
    }
}
