using System.Globalization;
using Beacon.Core.Analytics;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Tests.Cases.Queues;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Beacon.Web.Tests.Analytics;

/// <summary>The figures report laid out from plain tables and read back as a reader would: no host, no database.</summary>
public sealed class FiguresPdfTests
{
    // 10:05 AM PST; no figure of the tables below has a 7 or a 40 in it, so a leaked small or hidden value shows.
    private static readonly DateTime Generated = new(2026, 11, 24, 18, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void Render_English_HasHeadingBlockEveryTableAndTheWithheldWords()
    {
        var text = Read(Render("en", [Screens("Screens by month"), Screens("Referrals by type")])).All;

        Assert.Contains("Task-force figures, Q3", text);
        Assert.Contains("County Placer", text);
        Assert.Contains("Period July–September 2026", text);
        Assert.Contains("Agency All agencies", text);
        Assert.Matches(@"Generated 11/24/2026 10:05\sAM PST", text);
        Assert.Contains("de-identified", text);
        Assert.Contains("Screens by month", text);
        Assert.Contains("Referrals by type", text);
        Assert.Contains("2026-08 <11 58", text);
        Assert.Contains("2026-09 1,234 hidden", text);
        Assert.Contains("<11: a count from 1 to 10", text);
        Assert.Contains("hidden: a figure withheld", text);
        Assert.Contains("Counted by the month the screen was completed.", text);
        Assert.Contains("Page 1 of 1", text);
        Assert.DoesNotContain("synthetic", text);
    }

    [Fact]
    public void Render_Spanish_AccentsAndSpanishNumbersRender()
    {
        var table = Screens("Evaluaciones por mes, según la categoría de preocupación") with { RowHeading = "Mes", Columns = ["Alta", "Moderada"] };
        var text = Read(Render("es", [table])).All;

        Assert.Contains("Evaluaciones por mes, según la categoría de preocupación", text);
        Assert.Contains("Período", text);
        Assert.Contains("Condado Placer", text);
        Assert.Contains("2026-09 1.234 oculto", text);
        Assert.Contains("oculto: una cifra retenida", text);
        Assert.Contains("Página 1 de 1", text);
    }

    [Fact]
    public void Render_SmallAndHiddenCells_TheirRealValuesAppearNowhere()
    {
        var text = Read(Render("en", [Screens("Screens by month")])).All;

        Assert.DoesNotContain("7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("40", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongTable_SpansPagesWithItsHeadingRowOnEach()
    {
        var rows = Enumerable.Range(0, 120)
            .Select(i => new FigureRow($"Row {i:000}", [FigureValue.Count(Disclosure.Shown, 1000 + i), FigureValue.Count(Disclosure.Small, 3)]))
            .ToList();
        var table = new FigureTable("long", "Screens by agency and month", "Agency and month", ["High", "Moderate"], rows, FigureChart.None);

        var document = Read(Render("en", [table]));

        Assert.True(document.PageCount >= 3, $"{document.PageCount} pages");
        var withRows = document.Pages.Where(p => p.Contains("Row ", StringComparison.Ordinal)).ToList();
        Assert.True(withRows.Count >= 3);
        Assert.All(withRows, p => Assert.Contains("Agency and month High Moderate", p));
        for (var i = 0; i < 120; i++)
        {
            Assert.Contains($"Row {i:000} {1000 + i:N0} <11", document.All);
        }

        Assert.Contains($"Page {document.PageCount} of {document.PageCount}", document.Pages[^1]);
    }

    [Fact]
    public void Render_LongLabel_IsWrappedInsideItsColumn()
    {
        var label = string.Join(' ', Enumerable.Repeat("Commercially sexually exploited youth referred to services", 4));
        var table = new FigureTable("wrap", "Referrals", "Referral type", ["Count"],
            [new FigureRow(label, [FigureValue.Count(Disclosure.Shown, 58)])], FigureChart.Bar);

        var pdf = Render("en", [table]);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var labelLetters = page.GetWords().Where(w => w.Text == "exploited").ToList();
        Assert.Equal(4, labelLetters.Count);
        Assert.True(labelLetters.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() > 1, "the label was not wrapped");
        var figure = page.GetWords().Single(w => w.Text == "58");
        Assert.True(labelLetters.Max(w => w.BoundingBox.Right) < figure.BoundingBox.Left, "the label runs into the figure column");
    }

    [Fact]
    public void Render_A4AndSynthetic_A4PagesAndTheDemoLine()
    {
        var pdf = Render("en", [Screens("Screens by month")], synthetic: true, PageSize.A4);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(595, Math.Round(document.GetPage(1).Width));
        Assert.Equal(842, Math.Round(document.GetPage(1).Height));
        Assert.Contains("every figure in this report is synthetic", PdfText.Read(pdf).All);
    }

    private static FigureTable Screens(string title) => new(
        "screens-by-month", title, "Month", ["High", "Moderate"],
        [
            new("2026-08", [FigureValue.Count(Disclosure.Small, 7), FigureValue.Count(Disclosure.Shown, 58)]),
            new("2026-09", [FigureValue.Count(Disclosure.Shown, 1234), FigureValue.Count(Disclosure.Hidden, 40)]),
        ],
        FigureChart.Stacked, "Counted by the month the screen was completed.");

    private static PdfText.Document Read(byte[] pdf) => PdfText.Read(pdf);

    private static byte[] Render(string language, IReadOnlyList<FigureTable> tables, bool synthetic = false, PageSize size = PageSize.Letter)
    {
        var before = CultureInfo.CurrentUICulture;
        var culture = new CultureInfo(language);
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var factory = new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
            var heading = new FiguresReportHeading(
                language == "es" ? "Cifras del grupo de trabajo, T3" : "Task-force figures, Q3", ["Placer"],
                language == "es" ? "julio–septiembre de 2026" : "July–September 2026",
                language == "es" ? "Todas las agencias" : "All agencies", Generated, synthetic);
            return FiguresPdf.Render(heading, tables, factory.Create(typeof(AnalyticsResource)), culture, size);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
