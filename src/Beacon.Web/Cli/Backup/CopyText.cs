using System.Globalization;
using System.Text;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// Reads the rows of one table from a script that <c>pg_restore</c> writes: the <c>COPY ... FROM stdin;</c> block in
/// PostgreSQL's text format (tab-separated, <c>\N</c> for NULL, backslash escapes). Used for the key ring, which a
/// restore checks, and re-seals when it must, before the database is touched.
/// </summary>
public static class CopyText
{
    public static List<Dictionary<string, string?>> Rows(string script, string table)
    {
        var lines = script.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Contains($"\"{table}\" (", StringComparison.Ordinal));
        var rows = new List<Dictionary<string, string?>>();
        if (start < 0)
        {
            return rows;
        }

        var header = lines[start];
        var marker = $"\"{table}\" (";
        var open = header.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var columns = header[open..header.IndexOf(") FROM stdin", open, StringComparison.Ordinal)]
            .Split(", ").Select(c => c.Trim('"')).ToArray();
        for (var i = start + 1; i < lines.Length && lines[i] != "\\."; i++)
        {
            var fields = lines[i].TrimEnd('\r').Split('\t');
            if (fields.Length != columns.Length)
            {
                throw new BackupException($"The dump's {table} row {i - start} has {fields.Length} fields for {columns.Length} columns: the dump is damaged.");
            }

            rows.Add(columns.Zip(fields).ToDictionary(p => p.First, p => Field(p.Second), StringComparer.Ordinal));
        }

        return rows;
    }

    /// <summary>One field: <c>\N</c> is NULL; <c>\t</c>, <c>\n</c>, <c>\\</c>, octal <c>\ooo</c> and hex <c>\xhh</c> are the characters they name.</summary>
    public static string? Field(string text)
    {
        if (text == "\\N")
        {
            return null;
        }

        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                // A run up to the next escape, whole, so that a character outside the BMP keeps both its halves.
                var next = text.IndexOf('\\', i + 1);
                var end = next < 0 ? text.Length : next;
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end - 1;
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case >= '0' and <= '7':
                    var octal = new string([.. text.Skip(i).Take(3).TakeWhile(d => d is >= '0' and <= '7')]);
                    bytes.Add((byte)Convert.ToInt32(octal, 8));
                    i += octal.Length - 1;
                    break;
                case 'x' when i + 1 < text.Length && Uri.IsHexDigit(text[i + 1]):
                    var hex = new string([.. text.Skip(i + 1).Take(2).TakeWhile(Uri.IsHexDigit)]);
                    bytes.Add(byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += hex.Length;
                    break;
                default:
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                    break;
            }
        }

        // Octal and hex escapes name bytes, which together make UTF-8.
        return Encoding.UTF8.GetString([.. bytes]);
    }
}
