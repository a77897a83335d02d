using UglyToad.PdfPig.Core;

namespace Beacon.Web.Infrastructure.Pdf;

/// <summary>Tables (the task-force figures report): drawn here because PdfPig's writer has no table of its own.</summary>
internal sealed partial class PdfTextWriter
{
    private const double CellPadding = 4;
    private const double FigureColumnWidth = 78; // room for "1,234,567", "27.4" or a Spanish column word wrapped in two

    /// <summary>
    /// The first column's labels on the left, the other columns right-aligned (numbers line up), each
    /// cell's text wrapped to its column. A row never splits across pages, and a page that continues the
    /// table starts with its heading row again, so a reader of page 3 knows what each column is.
    /// </summary>
    public void Table(IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        _ = Page;
        var widths = ColumnWidths(headings.Count);
        var head = Cells(headings, widths, _bodyBold);
        var body = rows.Select(r => Cells(r, widths, _body)).ToList();
        _y += 6;

        // The heading row is kept with the first row of figures.
        Ensure(RowHeight(head, _bodyBold) + (body.Count > 0 ? RowHeight(body[0], _body) : 0));
        DrawRow(head, widths, _bodyBold, heading: true);
        foreach (var row in body)
        {
            if (_y + RowHeight(row, _body) > Bottom)
            {
                NewPage();
                DrawRow(head, widths, _bodyBold, heading: true);
            }

            DrawRow(row, widths, _body, heading: false);
        }
    }

    private double[] ColumnWidths(int count)
    {
        if (count == 1)
        {
            return [Width];
        }

        // The label column takes what the figure columns leave, but never less than a quarter of the width
        // nor more than three fifths (a lone figure column far to the right is hard to read across).
        var label = Math.Clamp(Width - (count - 1) * FigureColumnWidth, Width * 0.25, Width * 0.6);
        var figure = (Width - label) / (count - 1);
        return [label, .. Enumerable.Repeat(figure, count - 1)];
    }

    private List<List<string>> Cells(IReadOnlyList<string> cells, double[] widths, Face face) =>
        [.. widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : "", face, w - 2 * CellPadding))];

    private static double RowHeight(List<List<string>> cells, Face face) =>
        cells.Max(c => c.Count) * face.Height + 2 * CellPadding;

    private void DrawRow(List<List<string>> cells, double[] widths, Face face, bool heading)
    {
        var page = Page;
        var height = RowHeight(cells, face);
        var left = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var top = _y + CellPadding;
            foreach (var line in cells[i])
            {
                var x = i == 0 ? left + CellPadding : left + widths[i] - CellPadding - Measure(page, line, face);
                Draw(page, line, face, Black, x, top);
                top += face.Height;
            }

            left += widths[i];
        }

        _y += height;

        // A dark rule under the heading row, a light one between rows: lines, not shading, survive a photocopier.
        var rule = page.PageSize.Height - _y;
        var shade = heading ? 0x33 : 0xbb;
        page.SetStrokeColor((byte)shade, (byte)shade, (byte)shade);
        page.DrawLine(new PdfPoint(Margin, rule), new PdfPoint(Margin + widths.Sum(), rule), heading ? 1 : 0.5);
        page.ResetColor();
    }
}
