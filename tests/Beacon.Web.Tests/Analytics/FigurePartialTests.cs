using System.Globalization;
using Beacon.Core.Analytics;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// _Figure.cshtml rendered by the app's own Razor engine, with no page around it (the page is not this
/// partial's): the table the chart script reads, its headings and notes, in English and Spanish.
/// </summary>
public sealed class FigurePartialTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static FigureTable Screens(FigureChart chart = FigureChart.Stacked) => new(
        "screens-by-month", "Screens by month", "Month", ["High", "Moderate"],
        [
            new("2026-08", [FigureValue.Count(Disclosure.Small, 7), FigureValue.Count(Disclosure.Shown, 58)]),
            new("2026-09", [FigureValue.Count(Disclosure.Shown, 1234), FigureValue.Count(Disclosure.Hidden, 40)]),
        ],
        chart, "Counted by the month the screen was completed.");

    [Fact]
    public async Task Render_Table_CellsCarryTheFormattersTextAndTheScriptsData()
    {
        var html = await RenderAsync(new FigureView(Screens()), "en");

        Assert.Contains("<h2 id=\"fig-screens-by-month-title\">Screens by month</h2>", html);
        Assert.Contains("<table id=\"fig-screens-by-month-table\" aria-labelledby=\"fig-screens-by-month-title\">", html);
        Assert.Contains("<th scope=\"col\">Month</th>", html);
        Assert.Contains("<th scope=\"col\" class=\"num\">High</th>", html);
        Assert.Contains("<th scope=\"row\">2026-09</th>", html);
        Assert.Matches("<td class=\"num\" data-value=\"1234\" data-disclosure=\"shown\">\\s*1,234\\s*</td>", html);
        Assert.Matches("<td class=\"num\" data-value=\"\" data-disclosure=\"small\">\\s*<a href=\"#fig-screens-by-month-small\">&lt;11</a>", html);
        Assert.Matches("<td class=\"num\" data-value=\"\" data-disclosure=\"hidden\">\\s*<a href=\"#fig-screens-by-month-hidden\">hidden</a>", html);
        Assert.Contains("<p id=\"fig-screens-by-month-small\"><strong>&lt;11</strong>: a count from 1 to 10", html);
        Assert.Contains("<p id=\"fig-screens-by-month-hidden\"><strong>hidden</strong>: a figure withheld", html);
        Assert.Contains("<p>Counted by the month the screen was completed.</p>", html);
        Assert.DoesNotContain("\"7\"", html);
        Assert.DoesNotContain("\"40\"", html);
    }

    [Fact]
    public async Task Render_Chart_CanvasIsHiddenUntilDrawnAndSaysWhereTheFiguresAre()
    {
        var html = await RenderAsync(new FigureView(Screens(), HeadingLevel: 3), "en");

        Assert.Contains("<h3 id=\"fig-screens-by-month-title\">", html);
        Assert.Matches("<div class=\"figure-chart figure-chart-stacked\" hidden>\\s*<canvas role=\"img\" aria-label=\"Chart: Screens by month. The figures are in the table below it.\"", html);
        Assert.Matches("data-chart=\"stacked\"\\s+data-table=\"fig-screens-by-month-table\"", html);
        Assert.Matches("data-small-legend=\"&lt;11 \\(from 1 to 10\\)\"\\s+data-hidden-legend=\"hidden \\(not drawn\\)\"\\s+data-hidden-word=\"hidden\"", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Render_NoChartAndNothingWithheld_NoCanvasNoFootnotes()
    {
        var table = Screens(FigureChart.None) with
        {
            Note = null,
            Rows = [new("2026-09", [FigureValue.Measure(42.4, FigureUnit.Percent), FigureValue.Measure(27.44, FigureUnit.Hours)])],
        };

        var html = await RenderAsync(new FigureView(table), "en");

        Assert.DoesNotContain("<canvas", html);
        Assert.DoesNotContain("figure-notes", html);
        Assert.Matches("data-value=\"42.4\" data-disclosure=\"shown\">\\s*42.4%\\s*<", html);
    }

    [Fact]
    public async Task Render_Spanish_SpanishNumbersAndWords()
    {
        var html = await RenderAsync(new FigureView(Screens()), "es");

        Assert.Matches("data-value=\"1234\" data-disclosure=\"shown\">\\s*1.234\\s*<", html);
        Assert.Contains(">oculto</a>", html);
        Assert.Contains("aria-label=\"Gráfico: Screens by month. Las cifras están en la tabla que lo sigue.\"", html);
        Assert.Contains("<strong>oculto</strong>: una cifra retenida", html);
    }

    [Theory]
    [InlineData("/lib/chartjs/chart.umd.min.js", "Chart.js v4")]
    [InlineData("/js/figures.js", "data-disclosure")]
    public async Task Assets_ChartLibraryAndScript_AreServedByBeaconItself(string path, string expected)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void FigureView_HeadingLevelOutsideTwoToFour_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FigureView(Screens(), HeadingLevel: 1));

    private async Task<string> RenderAsync(FigureView model, string language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            using var scope = factory.Services.CreateScope();
            var services = scope.ServiceProvider;
            var http = new DefaultHttpContext { RequestServices = services };
            var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
            var view = services.GetRequiredService<IRazorViewEngine>()
                .GetView(null, "/Features/Analytics/_Figure.cshtml", isMainPage: false).EnsureSuccessful([]).View!;
            await using var writer = new StringWriter();
            var data = new ViewDataDictionary<FigureView>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
            var temp = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
            await view.RenderAsync(new ViewContext(action, view, data, temp, writer, new HtmlHelperOptions()));
            return writer.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
