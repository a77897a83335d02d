using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beacon.Core.Accounts;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Beacon.Web.Tests.Screening;

/// <summary>
/// <c>/api/screens</c>: the staff live level (any instrument, staff-only ones included) and a saved
/// screen as a FHIR R4 QuestionnaireResponse, read back with the Firely SDK.
/// </summary>
[Trait("Category", "Data")]
public sealed class ScreensApiTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> Answers = new()
    {
        ["third-party-benefit"] = 2, ["hotel-keys"] = 1, ["withdrawal"] = 0, ["foster-care"] = 1, ["sex-for-value"] = null,
    };

    // --- POST /api/screens/score -------------------------------------------------------------------

    [Fact]
    public async Task Score_StaffOnlyInstrument_ReturnsTheLevelAndReasons()
    {
        Assert.Equal(Core.Screening.InstrumentAudience.Staff, factory.FullInstrument().Audience);
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await client.PostAsJsonAsync("/api/screens/score", new { instrument = "beacon-full", answers = Answers });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("beacon-full@1", json.GetProperty("instrument").GetString());
        Assert.Equal("clear", json.GetProperty("level").GetString());
        Assert.Contains(json.GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("rule").GetString() == "exploitation-clear" && r.GetProperty("items")[0].GetString() == "third-party-benefit");
        Assert.Contains(json.GetProperty("unknown").EnumerateArray(), u => u.GetString() == "sex-for-value");
        Assert.Equal(["foster-care"], json.GetProperty("riskNoted").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Score_NamedVersion_ScoresWithIt()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);

        var response = await client.PostAsJsonAsync("/api/screens/score",
            new { instrument = "beacon-full", version = 1, answers = new Dictionary<string, int?> { ["hotel-keys"] = 1 } });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("possible", json.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("{\"instrument\":\"beacon-full\",\"answers\":{\"made-up-id\":1}}", "answers.made-up-id", "'made-up-id' is not an item of beacon-full@1.")]
    [InlineData("{\"instrument\":\"beacon-full\",\"answers\":{\"hotel-keys\":3}}", "answers.hotel-keys", "3 is not an answer")]
    [InlineData("{\"instrument\":\"beacon-full\",\"answers\":{\"hotel-keys\":\"yes\"}}", "answers.hotel-keys", "\"yes\" is not an answer")]
    [InlineData("{\"instrument\":\"beacon-full\",\"version\":99,\"answers\":{}}", "instrument", "'beacon-full' version 99 is not a known instrument.")]
    [InlineData("{\"instrument\":\"no-such\",\"answers\":{}}", "instrument", "'no-such' version (active) is not a known instrument.")]
    public async Task Score_BadInstrumentItemOrValue_Is400NamingIt(string body, string field, string message)
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Supervisor);

        var response = await client.PostAsync("/api/screens/score", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var errors), $"no error for {field}");
        Assert.Contains(message, errors[0].GetString());
    }

    [Fact]
    public async Task Score_Anonymous_IsRefused()
    {
        var response = await factory.CreateBrowserLikeClient().PostAsJsonAsync("/api/screens/score", new { instrument = "beacon-full", answers = Answers });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("level", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Score_AdministratorOnly_IsForbidden()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/screens/score", new { instrument = "beacon-full", answers = Answers });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // --- GET /api/screens/{id}/questionnaire-response ----------------------------------------------

    [Fact]
    public async Task QuestionnaireResponse_FinishedScreen_ParsesBackWithTheSavedAnswers()
    {
        var (_, author) = await factory.SignedInAsync("placer", Roles.Reporter);
        var reference = $"YOUTH-{Guid.NewGuid():N}"[..18];
        var id = await author.StartScreenAsync(Answers, reference, finish: true);
        var (_, caseworker) = await factory.SignedInAsync("placer", Roles.Caseworker);

        var response = await caseworker.GetAsync(ScreensApi.ResponsePath(id));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.DoesNotContain(reference[6..], body, StringComparison.OrdinalIgnoreCase); // nothing identifying the youth
        var parsed = JsonSerializer.Deserialize<QuestionnaireResponse>(body, FhirExport.Json)!;
        var instrument = factory.FullInstrument();
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, parsed.Status);
        Assert.Equal("urn:beacon:questionnaire:beacon-full|1", parsed.Questionnaire);
        Assert.Equal(id.ToString(), parsed.Identifier?.Value);
        Assert.NotNull(parsed.Authored);
        var questions = parsed.Item.SelectMany(g => g.Item).ToList();
        Assert.Equal(instrument.Sections.Select(s => s.Id), parsed.Item.Select(g => g.LinkId));
        Assert.Equal(instrument.Items.Select(i => i.Id), questions.Select(q => q.LinkId));
        var saved = StoredScreen.ReadAnswers(await factory.ScreenAsync(id));
        Assert.Equal(ScreenTestKit.AllAnswers(instrument, Answers), saved);
        Assert.Equal(saved, FhirExport.AnswersOf(parsed));
        var codes = questions.ToDictionary(q => q.LinkId ?? "", q => Assert.IsType<Coding>(Assert.Single(q.Answer).Value));
        Assert.All(codes.Values, c => Assert.Equal(FhirExport.ScaleSystem, c.System));
        Assert.Equal("2", codes["third-party-benefit"].Code);
        Assert.Equal("0", codes["withdrawal"].Code);
        Assert.Equal("unknown", codes["sex-for-value"].Code); // unknown is said, never left as "no"
        Assert.Equal("Unknown", codes["sex-for-value"].Display);
        Assert.Equal(instrument.Items.Count() - 4, codes.Values.Count(c => c.Code == "unknown"));
        var level = parsed.GetExtension(FhirExport.LevelExtension)?.Value as Coding;
        Assert.Equal(FhirExport.LevelSystem, level?.System);
        Assert.Equal("clear", level?.Code);
    }

    [Fact]
    public async Task QuestionnaireResponse_Draft_IsInProgressForItsAuthor()
    {
        var (_, author) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var id = await author.StartScreenAsync(new Dictionary<string, int?> { ["hotel-keys"] = 1 });

        var response = await author.GetAsync(ScreensApi.ResponsePath(id));
        var parsed = JsonSerializer.Deserialize<QuestionnaireResponse>(await response.Content.ReadAsStringAsync(), FhirExport.Json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, parsed.Status);
        Assert.Equal("possible", (parsed.GetExtension(FhirExport.LevelExtension)?.Value as Coding)?.Code);
        Assert.Equal(1, FhirExport.AnswersOf(parsed)["hotel-keys"]);
        Assert.Null(FhirExport.AnswersOf(parsed)["sex-for-value"]);
    }

    [Fact]
    public async Task QuestionnaireResponse_OtherCountyOrUnknownScreen_IsNotFound()
    {
        var (_, author) = await factory.SignedInAsync("placer", Roles.Reporter);
        var id = await author.StartScreenAsync(Answers, finish: true);
        var (_, monterey) = await factory.SignedInAsync("monterey", Roles.Caseworker, Roles.Supervisor);

        Assert.Equal(HttpStatusCode.NotFound, (await monterey.GetAsync(ScreensApi.ResponsePath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(ScreensApi.ResponsePath(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(ScreensApi.ResponsePath(id))).StatusCode);
    }
}
