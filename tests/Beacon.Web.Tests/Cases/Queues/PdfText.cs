using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary>
/// The text a PDF shows, read back with PDFsharp: each page's content stream (decompressed by the
/// reader), its text operators, and each font's ToUnicode map from glyph ids back to characters. So a
/// test proves that a reader (or a screen reader, or a search) finds the words, not that bytes match.
/// </summary>
public static partial class PdfText
{
    public sealed record Document(int PageCount, IReadOnlyList<string> Pages)
    {
        public string All => string.Join("\n", Pages);
    }

    public static Document Read(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var maps = FontMaps(page);
            var text = new StringBuilder();
            var font = "";
            Walk(ContentReader.ReadContent(page), maps, text, ref font);
            pages.Add(text.ToString());
        }

        return new Document(document.PageCount, pages);
    }

    private static void Walk(CSequence sequence, Dictionary<string, Font> maps, StringBuilder text, ref string font)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op)
            {
                continue;
            }

            switch (op.OpCode.Name)
            {
                case "Tf" when op.Operands.Count > 0 && op.Operands[0] is CName name:
                    font = name.Name;
                    break;
                case "Tj" or "'" or "\"" when op.Operands.Count > 0 && op.Operands[^1] is CString s:
                    text.Append(Decode(s, maps.GetValueOrDefault(font))).Append('\n');
                    break;
                case "TJ" when op.Operands.Count > 0 && op.Operands[0] is CArray array:
                    foreach (var part in array.OfType<CString>())
                    {
                        text.Append(Decode(part, maps.GetValueOrDefault(font)));
                    }

                    text.Append('\n');
                    break;
            }
        }
    }

    /// <summary>How a font's string bytes become text: two-byte glyph ids (a Type0 font) or single bytes, through its ToUnicode map, else as WinAnsi.</summary>
    private sealed record Font(bool TwoByte, Dictionary<int, string>? Map);

    private static readonly Encoding WinAnsi = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string Decode(CString s, Font? font)
    {
        var bytes = s.Value.Select(c => (byte)c).ToArray();
        if (font?.Map is not { } map)
        {
            return WinAnsi.GetString(bytes);
        }

        var result = new StringBuilder();
        var step = font.TwoByte ? 2 : 1;
        for (var i = 0; i + step - 1 < bytes.Length; i += step)
        {
            var code = font.TwoByte ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
            result.Append(map.GetValueOrDefault(code) ?? (font.TwoByte ? "\uFFFD" : WinAnsi.GetString(bytes, i, 1)));
        }

        return result.ToString();
    }

    private static Dictionary<string, Font> FontMaps(PdfPage page)
    {
        var maps = new Dictionary<string, Font>(StringComparer.Ordinal);
        var fonts = page.Resources.Elements.GetDictionary("/Font");
        if (fonts is null)
        {
            return maps;
        }

        foreach (var key in fonts.Elements.Keys)
        {
            var font = fonts.Elements.GetDictionary(key);
            if (font is null)
            {
                continue;
            }

            var cmap = font.Elements.GetDictionary("/ToUnicode")?.Stream;
            maps[key] = new Font(font.Elements.GetName("/Subtype") == "/Type0",
                cmap is null ? null : ParseCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue)));
        }

        return maps;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in Block().Matches(cmap))
        {
            var ranges = block.Groups["kind"].Value == "bfrange";
            var pattern = ranges ? RangeEntry() : CharEntry();
            foreach (Match entry in pattern.Matches(block.Groups["body"].Value))
            {
                var from = Hex(entry.Groups["a"].Value);
                var to = ranges ? Hex(entry.Groups["b"].Value) : from;
                var unicode = Utf16(entry.Groups["u"].Value);
                for (var code = from; code <= to; code++)
                {
                    // In a range the last UTF-16 unit counts up with the code.
                    map[code] = code == from ? unicode : unicode[..^1] + (char)(unicode[^1] + code - from);
                }
            }
        }

        return map;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"begin(?<kind>bfchar|bfrange)(?<body>.*?)end(?:bfchar|bfrange)", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"<(?<a>[0-9A-Fa-f]+)>\s*<(?<u>[0-9A-Fa-f]+)>")]
    private static partial Regex CharEntry();

    [GeneratedRegex(@"<(?<a>[0-9A-Fa-f]+)>\s*<(?<b>[0-9A-Fa-f]+)>\s*<(?<u>[0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();
}
