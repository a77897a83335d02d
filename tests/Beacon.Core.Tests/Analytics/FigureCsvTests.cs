using System.Globalization;
using System.Text;
using Beacon.Core.Analytics;
using Beacon.Core.Exports;

namespace Beacon.Core.Tests.Analytics;

public class FigureCsvTests
{
    private static readonly FigureWords English = new("hidden", "a count from 1 to 10, not shown", "hidden so that a small count cannot be worked out");
    private static readonly FigureWords Spanish = new("oculto", "un recuento de 1 a 10, no se muestra", "oculto para que no se deduzca un recuento pequeño");

    private static FigureTable Screens(string title = "Screens by month") => new(
        "screens-by-month", title, "Month", ["High", "Moderate"],
        [
            new("2026-09", [FigureValue.Count(Disclosure.Shown, 1234), FigureValue.Count(Disclosure.Small, 4)]),
            new("2026-10", [FigureValue.Count(Disclosure.Hidden, 40), FigureValue.Count(Disclosure.Shown, 57)]),
        ],
        FigureChart.Stacked, "Counted by the month the screen was completed.");

    [Fact]
    public void Table_English_HeaderRowsNoteFootnotesWithBomAndCrlf()
    {
        var bytes = FigureCsv.Table(Screens(), new CultureInfo("en"), English);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Month,High,Moderate\r\n2026-09,\"1,234\",<11\r\n2026-10,hidden,57\r\n" +
            "Counted by the month the screen was completed.\r\n\r\n" +
            "\"<11: a count from 1 to 10, not shown\"\r\nhidden: hidden so that a small count cannot be worked out\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Table_EveryCell_IsTheFormattersText()
    {
        var culture = new CultureInfo("es");
        var table = Screens();
        var lines = Text(FigureCsv.Table(table, culture, Spanish)).Split("\r\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var expected = Csv.Row([table.Rows[r].Label, .. table.Rows[r].Values.Select(v => FigureText.Format(v, culture, Spanish.Hidden))]);
            Assert.Equal(expected, lines[r + 1]);
        }
    }

    [Fact]
    public void Table_Spanish_HasSpanishNumbersAndWords()
    {
        var text = Text(FigureCsv.Table(Screens(), new CultureInfo("es"), Spanish));
        Assert.Contains("2026-09,1.234,<11\r\n", text, StringComparison.Ordinal);
        Assert.Contains("2026-10,oculto,57\r\n", text, StringComparison.Ordinal);
        Assert.Contains("oculto: oculto para que no se deduzca un recuento pequeño\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_TitleStartingWithEquals_StaysText()
    {
        var text = Text(FigureCsv.Dashboard([Screens("=HYPERLINK(\"http://x\")")], new CultureInfo("en"), English));
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_TwoTables_EachUnderItsTitleWithABlankLineBetween()
    {
        var second = Screens("Screens by age band") with { Note = null };
        var text = Text(FigureCsv.Dashboard([Screens(), second], new CultureInfo("en"), English));
        Assert.StartsWith("Screens by month\r\nMonth,High,Moderate\r\n", text, StringComparison.Ordinal);
        Assert.Contains("completed.\r\n\r\nScreens by age band\r\nMonth,High,Moderate\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("57\r\n\r\n\"<11: a count from 1 to 10, not shown\"\r\nhidden: hidden so that a small count cannot be worked out\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_NoTable_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FigureCsv.Dashboard([], new CultureInfo("en"), English));

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes[3..]);
}
