using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Scanning;

/// <summary><c>/scan</c>: a pasted narrative with its findings in English and Spanish, the field errors, who may use it, and that nothing is kept.</summary>
[Trait("Category", "Data")]
public sealed class ScanPageTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private async Task<(TestUser User, HttpClient Client)> StaffAsync(string role = Roles.Caseworker)
    {
        var user = await factory.CreateInAsync("monterey", role);
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return (user, client);
    }

    private static Task<HttpResponseMessage> ScanAsync(HttpClient client, string text, string language = "auto", string page = "/scan") =>
        client.PostFormAsync(page, new Dictionary<string, string> { ["text"] = text, ["language"] = language });

    [Fact]
    public async Task Scan_EnglishNarrative_LabelsEachFindingStatedDeniedOrUncertain()
    {
        var (_, client) = await StaffAsync();

        var response = await ScanAsync(client, ScanKit.English);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = ScanKit.TextOf(html);
        Assert.Contains("two phones (stated: Has more than one phone)", text);
        Assert.Contains("hotel key card (stated: Has hotel or motel keys or key cards)", text);
        Assert.Contains("older boyfriend (denied: Talks about an older boyfriend or girlfriend)", text);
        Assert.Contains("staying at a motel (uncertain: Has run away or has no safe place to live)", text);
        Assert.Contains("Read as English: the language was detected from the text.", text);
        Assert.Equal(["Has more than one phone — “two phones”", "Has hotel or motel keys or key cards — “hotel key card”"], ScanKit.Group(html, "present"));
        Assert.Equal(["Talks about an older boyfriend or girlfriend — “older boyfriend”, decided by “Denies”"], ScanKit.Group(html, "negated"));
        Assert.Equal(["Has run away or has no safe place to live — “staying at a motel”, decided by “may”"], ScanKit.Group(html, "uncertain"));
        Assert.Contains("<h4>Stated (2)</h4>", html);
        Assert.Contains("<h4>Denied (1)</h4>", html);
        // Each listed finding links to its highlight.
        Assert.Contains("<a href=\"#scan-f0\">Has more than one phone</a>", html);
        Assert.Contains("id=\"scan-f0\"><mark>two phones</mark>", html);
    }

    [Fact]
    public async Task Scan_SpanishNarrativeOnASpanishPage_LabelsInSpanishWithTheCatalogsSpanishNames()
    {
        var (_, client) = await StaffAsync();

        var response = await ScanAsync(client, ScanKit.Spanish, page: "/scan?lang=es");

        var html = await response.Content.ReadAsStringAsync();
        var text = ScanKit.TextOf(html);
        Assert.Contains("dos celulares (afirmado: Tiene más de un celular)", text);
        Assert.Contains("tarjeta de hotel (afirmado: Tiene llaves o tarjetas de hotel o motel)", text);
        Assert.Contains("novio mayor (negado: Habla de un novio o una novia mayor)", text);
        Assert.Contains("duerme en el carro (incierto: Se escapó de casa o no tiene un lugar seguro donde vivir)", text);
        Assert.Contains("Leído en español: el idioma se detectó en el texto.", text);
        Assert.Equal(["Habla de un novio o una novia mayor — «novio mayor», lo decide «Niega»"], ScanKit.Group(html, "negated"));
        Assert.DoesNotContain(ScanKit.Group(html, "present"), item => item.Contains("novio", StringComparison.Ordinal));
        Assert.Contains("lang=\"es\"", html);
    }

    [Fact]
    public async Task Scan_LanguageChosen_ReadsTheTextInThatLanguage()
    {
        var (_, client) = await StaffAsync();

        // Read as English, the Spanish note's words mean nothing to the scanner.
        var html = await (await ScanAsync(client, ScanKit.Spanish, "en")).Content.ReadAsStringAsync();

        var text = ScanKit.TextOf(html);
        Assert.Contains("Read as English, as you chose.", text);
        Assert.Contains("No signs found. The scanner only knows the catalog's words; it does not replace your judgement.", text);
        Assert.Contains("id=\"language-en\" name=\"language\" value=\"en\" checked=\"checked\"", html);
    }

    [Fact]
    public async Task Scan_NothingFound_SaysSoAndShowsTheText()
    {
        var (_, client) = await StaffAsync();

        var html = await (await ScanAsync(client, "We talked about school and her favourite music.")).Content.ReadAsStringAsync();

        Assert.Contains("No signs found. The scanner only knows the catalog's words; it does not replace your judgement.", ScanKit.TextOf(html));
        Assert.DoesNotContain("<mark>", html);
        Assert.Contains("We talked about school and her favourite music.</div>", html);
    }

    [Fact]
    public async Task Scan_MarkupInTheText_IsShownAsTextAndLineBreaksKept()
    {
        var (_, client) = await StaffAsync();

        var html = await (await ScanAsync(client, "<b>She</b> has two phones.\nNew line <script>x</script>")).Content.ReadAsStringAsync();

        Assert.Contains("&lt;b&gt;She&lt;/b&gt; has <mark>", html.Replace("<span class=\"scan-hit scan-present\" id=\"scan-f0\">", ""));
        // The line break is kept (the encoder writes it as a character reference, which the pre-wrap text shows as a new line).
        Assert.Contains(".&#xA;New line &lt;script&gt;x&lt;/script&gt;</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>She</b>", html);
    }

    [Theory]
    [InlineData("   ", "text", "“Text to check” is required: please paste the text to check.")]
    [InlineData(null, "text", "“Text to check” can be at most 200,000 characters; it has 200,001.")]
    public async Task Scan_BadText_NamesTheFieldAndScansNothing(string? text, string field, string message)
    {
        var (_, client) = await StaffAsync();

        var response = await ScanAsync(client, text ?? "two phones " + new string('x', 200_001 - 11));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", html);
        Assert.DoesNotContain("id=\"result\"", html);
        Assert.DoesNotContain("<mark>", html);
    }

    [Fact]
    public async Task Scan_TextBeyondTheFormLimit_IsRefusedWithoutAnError()
    {
        var (_, client) = await StaffAsync();

        // Past the page's form value limit the form is not even read: a clear 4xx, never a 500.
        var response = await ScanAsync(client, new string('x', Features.Scanning.IndexModel.MaxFormValue + 1));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Scan_PostThatIsNotAForm_IsAnsweredAsAnEmptyFormNotA500()
    {
        var (_, client) = await StaffAsync();
        var token = await client.AntiforgeryTokenAsync("/scan");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scan")
        {
            Content = new StringContent("{\"text\":\"She has two phones.\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#text\">", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Scan_UnknownLanguage_NamesTheField()
    {
        var (_, client) = await StaffAsync();

        var html = WebUtility.HtmlDecode(await (await ScanAsync(client, ScanKit.English, "fr")).Content.ReadAsStringAsync());

        Assert.Contains("<a href=\"#language\">Choose one of the choices for “Language of the text”.</a>", html);
        Assert.Contains("id=\"language\"", html);
    }

    [Fact]
    public async Task Scan_Anonymous_IsSentToSignIn()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/scan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Analyst)]
    public async Task Scan_AnyStaffRole_MayUseIt(string role)
    {
        var (_, client) = await StaffAsync(role);

        var response = await client.GetAsync("/scan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"/scan\"", await (await client.GetAsync("/staff")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scan_KeepsNothing_NoAuditEntryNoStoredText()
    {
        var (user, client) = await StaffAsync();
        var before = await factory.QueryAsync(db => db.AuditLog.CountAsync(e => e.UserId == user.Id));

        var response = await ScanAsync(client, "Unique marker 7f3a: she has two phones.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(before, await factory.QueryAsync(db => db.AuditLog.CountAsync(e => e.UserId == user.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditLog.CountAsync(e => e.Detail != null && e.Detail.Contains("7f3a"))));
    }
}
