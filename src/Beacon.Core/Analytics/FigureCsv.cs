using System.Globalization;
using Beacon.Core.Exports;

namespace Beacon.Core.Analytics;

/// <summary>
/// Figure tables as CSV, through <see cref="Csv"/> (formula-safe, UTF-8 with BOM, CRLF). Every cell is
/// <see cref="FigureText"/>'s text, so the file says "&lt;11" and "hidden" where the page does, and the
/// footnotes that explain them travel with it: a file opened on its own, weeks later, is still understood.
/// </summary>
public static class FigureCsv
{
    /// <summary>One table: its heading row, its rows, its note, then the footnotes.</summary>
    public static byte[] Table(FigureTable table, CultureInfo culture, FigureWords words)
    {
        var lines = Lines(table, culture, words).ToList();
        return Csv.File(lines[0], [.. lines.Skip(1), [], .. Footnotes(words)]);
    }

    /// <summary>
    /// Every table of a dashboard one after another, each under its title with a blank line before
    /// the next, and the footnotes once at the end: the file a coordinator attaches to the state report.
    /// </summary>
    public static byte[] Dashboard(IReadOnlyList<FigureTable> tables, CultureInfo culture, FigureWords words)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tables.Count);
        var lines = new List<IReadOnlyList<string>>();
        foreach (var table in tables)
        {
            if (lines.Count > 0)
            {
                lines.Add([]);
            }

            lines.Add([table.Title]);
            lines.AddRange(Lines(table, culture, words));
        }

        lines.Add([]);
        return Csv.File(lines[0], [.. lines.Skip(1), .. Footnotes(words)]);
    }

    private static IEnumerable<IReadOnlyList<string>> Lines(FigureTable table, CultureInfo culture, FigureWords words)
    {
        yield return [table.RowHeading, .. table.Columns];
        foreach (var row in table.Rows)
        {
            yield return [row.Label, .. row.Values.Select(v => FigureText.Format(v, culture, words.Hidden))];
        }

        // The note follows its rows directly: it says how these figures are counted.
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            yield return [table.Note];
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Footnotes(FigureWords words) =>
        [[$"{FigureText.Small}: {words.SmallNote}"], [$"{words.Hidden}: {words.HiddenNote}"]];
}
