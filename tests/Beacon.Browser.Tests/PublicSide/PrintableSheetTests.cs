using System.Text;
using System.Text.RegularExpressions;
using Beacon.Browser.Tests.Infrastructure;

namespace Beacon.Browser.Tests.PublicSide;

/// <summary>The county sheet prints on one page, on A4 and on Letter, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintableSheetTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Theory]
    [InlineData("placer", "en", "A4")]
    [InlineData("placer", "es", "Letter")]
    [InlineData("monterey", "en", "Letter")]
    [InlineData("monterey", "es", "A4")]
    public async Task Sheet_PrintedToPdf_IsOnePage(string county, string language, string paper)
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url($"/sheet/{county}?lang={language}"));

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PrintBackground = true });

        Assert.Equal(1, PageCount(pdf));
    }

    /// <summary>Page objects in the PDF ("/Type /Page", not "/Type /Pages").</summary>
    private static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
