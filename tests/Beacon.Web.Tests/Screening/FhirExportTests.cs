using System.Net;
using System.Text.Json;
using Beacon.Core.Accounts;
using Beacon.Web.Features.Screening;
using Beacon.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Screening;

public sealed class FhirExportTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("beacon-quick")]
    [InlineData("beacon-full")]
    public async Task Questionnaire_Downloaded_ParsesBackWithCatalogLinkIdsAndSpanish(string id)
    {
        var instrument = factory.Services.GetRequiredService<ScreeningInstruments>().Shipped.Where(i => i.Id == id).MaxBy(i => i.Version)!;
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Caseworker));

        var response = await client.GetAsync(InstrumentsApi.QuestionnairePath(id, instrument.Version));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var parsed = JsonSerializer.Deserialize<Questionnaire>(json, FhirExport.Json)!;
        Assert.Equal(instrument.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed.Version);
        var questions = parsed.Item.SelectMany(g => g.Item).ToList();
        Assert.Equal(instrument.Items.Select(i => i.Id), questions.Select(q => q.LinkId));
        Assert.All(questions, q => Assert.Equal(4, q.AnswerOption.Count));
        Assert.All(questions, q => Assert.Contains(q.Code, c => c.System == FhirExport.CatalogSystem && c.Code == q.LinkId));
        var first = instrument.Items.First();
        var spanish = questions[0].TextElement!.Extension.Single().Extension.Single(e => e.Url == "content").Value as FhirString;
        Assert.Equal(first.Text.Es, spanish?.Value);
    }

    [Fact]
    public async Task Instruments_StaffPage_LinksEachDownload()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Reporter));

        var html = await (await client.GetAsync("/screening/instruments")).Content.ReadAsStringAsync();

        Assert.Contains("/api/instruments/beacon-quick/v1/questionnaire", html);
        Assert.Contains("/api/instruments/beacon-full/v1/questionnaire", html);
    }

    [Fact]
    public async Task Questionnaire_UnknownVersion_Is404()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Caseworker));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/instruments/beacon-quick/v99/questionnaire")).StatusCode);
    }
}
