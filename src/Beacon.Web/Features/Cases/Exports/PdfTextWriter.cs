using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// Flowing text on PDF pages: headings, labelled fields, wrapped paragraphs and lists, a new page
/// when the next line would not fit above the footer. Only <see cref="CaseSummaryPdf"/> uses it.
/// </summary>
internal sealed class PdfTextWriter(PdfDocument document) : IDisposable
{
    private const double Margin = 54; // three quarters of an inch
    private const double FooterHeight = 30;
    private const double LabelWidth = 130;
    private const double ItemIndent = 12;

    private static readonly XFont Body = new(EmbeddedFonts.Family, 10, XFontStyleEx.Regular);
    private static readonly XFont BodyBold = new(EmbeddedFonts.Family, 10, XFontStyleEx.Bold);
    private static readonly XFont Small = new(EmbeddedFonts.Family, 8, XFontStyleEx.Regular);
    private static readonly XFont HeadingFont = new(EmbeddedFonts.Family, 13, XFontStyleEx.Bold);
    private static readonly XFont TitleFont = new(EmbeddedFonts.Family, 18, XFontStyleEx.Bold);
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
    private static readonly XBrush Alert = new XSolidBrush(XColor.FromArgb(0x9b, 0x1c, 0x1c));

    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;

    private double Width => _page!.Width.Point - 2 * Margin;
    private double Bottom => _page!.Height.Point - Margin - FooterHeight;

    public void Title(string text) => Write(text, TitleFont, XBrushes.Black, 0, spaceBefore: 0);

    public void Warning(string text) => Write(text, BodyBold, Alert, 0, spaceBefore: 6);

    public void Heading(string text)
    {
        // Keeps a heading with at least two lines of what follows it.
        Ensure(HeadingFont.GetHeight() + 2 * Body.GetHeight() + 14);
        Write(text, HeadingFont, XBrushes.Black, 0, spaceBefore: 14);
    }

    public void Line(string text, bool muted = false) => Write(text, Body, muted ? Muted : XBrushes.Black, 0, spaceBefore: 2);

    /// <summary>A label in bold on the left and its value wrapped beside it.</summary>
    public void Field(string label, string value)
    {
        var lines = Wrap(value, Body, Width - LabelWidth);
        var labelLines = Wrap(label, BodyBold, LabelWidth - 6);
        Ensure(Body.GetHeight() + 2);
        _y += 2;
        var top = _y;
        foreach (var l in labelLines)
        {
            DrawLine(l, BodyBold, XBrushes.Black, 0);
        }

        var afterLabel = _y;
        _y = top;
        foreach (var l in lines)
        {
            DrawLine(l, Body, XBrushes.Black, LabelWidth);
        }

        _y = Math.Max(_y, afterLabel);
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
            Ensure(Body.GetHeight());
            Gfx.DrawString("•", Body, XBrushes.Black, new XRect(Margin, _y, ItemIndent, Body.GetHeight()), XStringFormats.TopLeft);
            Write(describe(item), Body, XBrushes.Black, ItemIndent, spaceBefore: 0);
        }
    }

    /// <summary>The confidentiality line and "page n of m", drawn on a finished page.</summary>
    public static void Footer(PdfPage page, string warning, string pageOf)
    {
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var y = page.Height.Point - Margin;
        var width = page.Width.Point - 2 * Margin;
        gfx.DrawLine(XPens.Gray, Margin, y - FooterHeight + 8, Margin + width, y - FooterHeight + 8);
        gfx.DrawString(warning, Small, XBrushes.Black, new XRect(Margin, y - FooterHeight + 12, width, 12), XStringFormats.TopLeft);
        gfx.DrawString(pageOf, Small, XBrushes.Black, new XRect(Margin, y - FooterHeight + 12, width, 12), XStringFormats.TopRight);
    }

    public void Dispose() => _gfx?.Dispose();

    private XGraphics Gfx => _gfx ?? NewPage();

    private void Write(string text, XFont font, XBrush brush, double indent, double spaceBefore)
    {
        _ = Gfx;
        _y += spaceBefore;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            DrawLine(line, font, brush, indent);
        }
    }

    private void DrawLine(string line, XFont font, XBrush brush, double indent)
    {
        Ensure(font.GetHeight());
        Gfx.DrawString(line, font, brush, new XRect(Margin + indent, _y, Width - indent, font.GetHeight()), XStringFormats.TopLeft);
        _y += font.GetHeight();
    }

    private void Ensure(double height)
    {
        if (_gfx is null || _y + height > Bottom)
        {
            NewPage();
        }
    }

    private XGraphics NewPage()
    {
        _gfx?.Dispose();
        _page = document.AddPage();
        _page.Size = CaseSummaryPdf.PageFormat;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
        return _gfx;
    }

    /// <summary>Breaks text into lines that fit the width: at spaces, and inside a word only when the word alone is too wide.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var measure = _gfx ?? NewPage();
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && measure.MeasureString(line, font).Width > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && measure.MeasureString(line[..fit], font).Width > width)
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
}
