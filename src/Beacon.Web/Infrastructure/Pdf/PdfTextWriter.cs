using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using AddedFont = UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>
/// Flowing text on PDF pages: headings, labelled fields, wrapped paragraphs and lists, a new page
/// when the next line would not fit above the footer. The case summary and the written mandated report use it.
/// Positions are kept from the page's top (<see cref="_y"/> is the next line's top) and turned into
/// PDF space, whose origin is the bottom left and where text is placed by its baseline, when drawn.
/// </summary>
internal sealed partial class PdfTextWriter
{
    private const double Margin = 54; // three quarters of an inch
    private const double FooterHeight = 30;
    private const double LabelWidth = 130;
    private const double ItemIndent = 12;

    private readonly PdfDocumentBuilder _document;
    private readonly List<PdfPageBuilder> _pages = [];
    private readonly Face _body;
    private readonly Face _bodyBold;
    private readonly Face _small;
    private readonly Face _heading;
    private readonly Face _title;

    private readonly PageSize _size;
    private PdfPageBuilder? _page;
    private double _y;

    private static readonly Color Black = new(0, 0, 0);
    private static readonly Color Muted = new(0x55, 0x55, 0x55);
    private static readonly Color Alert = new(0x9b, 0x1c, 0x1c);

    /// <param name="size">Letter for the county's own forms; the figures report may be A4 for a reader abroad.</param>
    public PdfTextWriter(PdfDocumentBuilder document, PageSize size = PageSize.Letter)
    {
        _document = document;
        _size = size;
        var regular = new FontPool(document, EmbeddedFonts.Regular);
        var bold = new FontPool(document, EmbeddedFonts.Bold);
        _body = new Face(regular, 10);
        _bodyBold = new Face(bold, 10);
        _small = new Face(regular, 8);
        _heading = new Face(bold, 13);
        _title = new Face(bold, 18);
    }

    /// <summary>The pages written so far, in order.</summary>
    public IReadOnlyList<PdfPageBuilder> Pages => _pages;

    private PdfPageBuilder Page => _page ?? NewPage();
    private double Width => Page.PageSize.Width - 2 * Margin;
    private double Bottom => Page.PageSize.Height - Margin - FooterHeight;

    public void Title(string text) => Write(text, _title, Black, 0, spaceBefore: 0);

    public void Warning(string text) => Write(text, _bodyBold, Alert, 0, spaceBefore: 6);

    public void Heading(string text)
    {
        // Keeps a heading with at least two lines of what follows it.
        Ensure(_heading.Height + 2 * _body.Height + 14);
        Write(text, _heading, Black, 0, spaceBefore: 14);
    }

    public void Line(string text, bool muted = false) => Write(text, _body, muted ? Muted : Black, 0, spaceBefore: 2);

    /// <summary>A label in bold on the left and its value wrapped beside it.</summary>
    public void Field(string label, string value)
    {
        var lines = Wrap(value, _body, Width - LabelWidth);
        var labelLines = Wrap(label, _bodyBold, LabelWidth - 6);
        Ensure(_body.Height + 2);
        _y += 2;
        var top = _y;
        foreach (var l in labelLines)
        {
            DrawLine(l, _bodyBold, Black, 0);
        }

        var afterLabel = _y;
        var labelPage = _page;
        _y = top;
        foreach (var l in lines)
        {
            DrawLine(l, _body, Black, LabelWidth);
        }

        // A value that ran onto a new page ends below its own last line, not the label's.
        _y = _page == labelPage ? Math.Max(_y, afterLabel) : _y;
    }

    /// <summary>
    /// A label in bold on a line of its own and its value below, wrapped to the full width: for long
    /// labels and long values (a form's facts), which a label column would squeeze.
    /// </summary>
    public void Block(string label, string value)
    {
        Ensure(_bodyBold.Height + _body.Height + 6);
        Write(label, _bodyBold, Black, 0, spaceBefore: 6);
        Write(value, _body, Black, 0, spaceBefore: 1);
    }

    /// <summary>One entry per item, each starting with a bullet; <paramref name="empty"/> when there is none.</summary>
    public void Items<T>(IReadOnlyList<T> items, Func<T, string> describe, string empty)
    {
        if (items.Count == 0)
        {
            Line(empty, muted: true);
            return;
        }

        foreach (var item in items)
        {
            _y += 4;
            Ensure(_body.Height);
            Draw(Page, "•", _body, Black, Margin, _y);
            Write(describe(item), _body, Black, ItemIndent, spaceBefore: 0);
        }
    }

    /// <summary>The confidentiality line and "page n of m", drawn on a finished page.</summary>
    public void Footer(PdfPageBuilder page, string warning, string pageOf)
    {
        var y = page.PageSize.Height - Margin;
        var width = page.PageSize.Width - 2 * Margin;
        var rule = page.PageSize.Height - (y - FooterHeight + 8);
        page.SetStrokeColor(0x80, 0x80, 0x80);
        page.DrawLine(new PdfPoint(Margin, rule), new PdfPoint(Margin + width, rule), 1);
        page.ResetColor();

        // The page number keeps its place at the right; the warning is cut to the room left of it.
        var pageOfWidth = Measure(page, pageOf, _small);
        Draw(page, Fit(page, warning, _small, width - pageOfWidth - 12), _small, Black, Margin, y - FooterHeight + 12);
        Draw(page, pageOf, _small, Black, Margin + width - pageOfWidth, y - FooterHeight + 12);
    }

    private void Write(string text, Face face, Color color, double indent, double spaceBefore)
    {
        _ = Page;
        _y += spaceBefore;
        foreach (var line in Wrap(text, face, Width - indent))
        {
            DrawLine(line, face, color, indent);
        }
    }

    private void DrawLine(string line, Face face, Color color, double indent)
    {
        Ensure(face.Height);
        Draw(Page, line, face, color, Margin + indent, _y);
        _y += face.Height;
    }

    /// <summary>Draws one line whose top is <paramref name="top"/> points below the page's top edge.</summary>
    private static void Draw(PdfPageBuilder page, string line, Face face, Color color, double left, double top)
    {
        if (line.Length == 0)
        {
            return;
        }

        var baseline = page.PageSize.Height - top - face.Size * EmbeddedFonts.Ascent;
        page.SetTextAndFillColor(color.R, color.G, color.B);
        page.AddText(line, face.Size, new PdfPoint(left, baseline), face.Pool.For(line));
        page.ResetColor();
    }

    private void Ensure(double height)
    {
        if (_page is null || _y + height > Bottom)
        {
            NewPage();
        }
    }

    private PdfPageBuilder NewPage()
    {
        _page = _document.AddPage(_size);
        _pages.Add(_page);
        _y = Margin;
        return _page;
    }

    /// <summary>Breaks text into lines that fit the width: at spaces, and inside a word only when the word alone is too wide.</summary>
    private List<string> Wrap(string text, Face face, double width)
    {
        var page = Page;
        var lines = new List<string>();
        foreach (var paragraph in Printable(text, face.Pool.Glyphs).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(page, candidate, face) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(page, line, face) > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Measure(page, line[..fit], face) > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The longest start of <paramref name="text"/> that fits the width, with an ellipsis when cut.</summary>
    private static string Fit(PdfPageBuilder page, string text, Face face, double width)
    {
        if (Measure(page, text, face) <= width)
        {
            return text;
        }

        var fit = text.Length - 1;
        while (fit > 0 && Measure(page, text[..fit] + "…", face) > width)
        {
            fit--;
        }

        return text[..fit] + "…";
    }

    /// <summary>How wide the text is drawn: from the first letter's start to the last letter's end on the baseline.</summary>
    private static double Measure(PdfPageBuilder page, string text, Face face)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var letters = page.MeasureText(text, face.Size, PdfPoint.Origin, face.Pool.First);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>
    /// Text as the face can draw it: line breaks made plain, tabs as spaces, other control characters
    /// dropped, and a character the face has no glyph for (an emoji, Chinese) shown as a replacement
    /// mark, one per character, rather than the PDF failing.
    /// </summary>
    private static string Printable(string text, EmbeddedFonts.Face glyphs)
    {
        var replacement = glyphs.Has('\uFFFD') ? '\uFFFD' : '?';
        var normal = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        var result = new StringBuilder(normal.Length);
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            if (char.IsHighSurrogate(c) && i + 1 < normal.Length && char.IsLowSurrogate(normal[i + 1]))
            {
                result.Append(replacement);
                i++;
            }
            else if (c == '\n' || glyphs.Has(c))
            {
                result.Append(c);
            }
            else if (!char.IsControl(c))
            {
                result.Append(replacement);
            }
        }

        return result.ToString();
    }

    private sealed record Face(FontPool Pool, double Size)
    {
        public double Height => Size * EmbeddedFonts.LineSpacing;
    }

    /// <summary>
    /// One face added to the document as often as its text needs. PdfPig writes a TrueType font as a
    /// simple font, one byte a character, and refuses a 256th different character in it; so when a
    /// line would take a copy past <see cref="MostCharacters"/>, the face is added again (each copy is
    /// subset to its own characters, so a copy costs little).
    /// </summary>
    private sealed class FontPool(PdfDocumentBuilder document, EmbeddedFonts.Face glyphs)
    {
        private const int MostCharacters = 240;
        private readonly List<(AddedFont Font, HashSet<char> Used)> _copies = [];

        public EmbeddedFonts.Face Glyphs => glyphs;

        /// <summary>The first copy, for measuring: every copy has the same widths.</summary>
        public AddedFont First => _copies.Count > 0 ? _copies[0].Font : Add().Font;

        /// <summary>A copy that can take all of the line's characters.</summary>
        public AddedFont For(string line)
        {
            var needed = line.ToHashSet();
            foreach (var (font, used) in _copies)
            {
                if (used.Count + needed.Count(c => !used.Contains(c)) <= MostCharacters)
                {
                    used.UnionWith(needed);
                    return font;
                }
            }

            var copy = Add();
            copy.Used.UnionWith(needed);
            return copy.Font;
        }

        private (AddedFont Font, HashSet<char> Used) Add()
        {
            var copy = (document.AddTrueTypeFont(glyphs.Bytes), new HashSet<char>());
            _copies.Add(copy);
            return copy;
        }
    }

    private readonly record struct Color(byte R, byte G, byte B);
}
