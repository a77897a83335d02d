using System.Text;

namespace Beacon.Core.Exports;

/// <summary>
/// CSV (RFC 4180) for exports that people open in a spreadsheet. A cell that a spreadsheet would
/// read as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe,
/// as OWASP's CSV-injection guidance advises, so "=HYPERLINK(...)" typed into a note stays text.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (Array.IndexOf(FormulaStarts, value[0]) >= 0)
        {
            value = "'" + value;
        }

        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>A whole file: header then rows, CRLF line ends, with a UTF-8 byte-order mark so spreadsheets read accents.</summary>
    public static byte[] File(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append(Row(header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Row(row)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
