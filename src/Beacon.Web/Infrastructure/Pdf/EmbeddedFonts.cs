using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>
/// The only font Beacon's PDFs (the case summary, the written mandated report) use: DejaVu Sans
/// (regular and bold), embedded in the assembly (Fonts/LICENSE.txt) and embedded again in each PDF, so
/// that a PDF never depends on, or reads, the fonts of the machine, and a reader without DejaVu shows
/// accents, ñ and § as written.
/// </summary>
internal static class EmbeddedFonts
{
    /// <summary>Line spacing as a share of the font size: DejaVu Sans' ascender (1901) plus descender (483) over 2048 units.</summary>
    public const double LineSpacing = (1901.0 + 483.0) / 2048.0;

    /// <summary>The baseline's distance below a line's top, as a share of the font size (the ascender).</summary>
    public const double Ascent = 1901.0 / 2048.0;

    public static readonly Face Regular = new(Load("DejaVuSans"));
    public static readonly Face Bold = new(Load("DejaVuSans-Bold"));

    /// <summary>One face's bytes, and which characters it has a glyph for.</summary>
    public sealed class Face(byte[] bytes)
    {
        private readonly TrueTypeFont _font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes));
        private readonly Dictionary<char, bool> _has = [];
        private readonly Lock _gate = new();

        public byte[] Bytes { get; } = bytes;

        /// <summary>
        /// Whether the face can draw the character. The PDF writer refuses a character without a glyph
        /// (an emoji, Chinese) with an exception, so text is checked, and such characters replaced, first.
        /// </summary>
        public bool Has(char c)
        {
            lock (_gate)
            {
                if (!_has.TryGetValue(c, out var has))
                {
                    has = !char.IsSurrogate(c) && _font.TryGetBoundingBox(c, out _);
                    _has[c] = has;
                }

                return has;
            }
        }
    }

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Beacon.Fonts.{face}.ttf")
                           ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
