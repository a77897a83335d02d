using System.Globalization;
using Beacon.Core.Analytics;
using Beacon.Core.TaskForce;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Beacon.Web.Features.Analytics;

/// <summary>What the report is about, printed above its tables.</summary>
/// <param name="Title">The dashboard's title in the reader's language.</param>
/// <param name="Counties">The county, or the counties of a county group, the figures cover.</param>
/// <param name="Period">The closed months covered, already written for the reader ("July–September 2026").</param>
/// <param name="Agency">The agency, or the reader's words for all agencies.</param>
/// <param name="Synthetic">Demo data: the report says on its first page that every figure is synthetic.</param>
public sealed record FiguresReportHeading(
    string Title, IReadOnlyList<string> Counties, string Period, string Agency, DateTime GeneratedUtc, bool Synthetic);

/// <summary>
/// The task force's printable report: the heading block, the footnotes that explain "&lt;11" and the
/// hidden word, then every table with its heading row repeated on each page it runs onto, and "page n of
/// m" on every page. The cells are <see cref="FigureText"/>'s, as on the page and in the CSV. Labels come
/// from <paramref name="text"/> (AnalyticsResource, in the reader's language); plain in, bytes out.
/// </summary>
public static class FiguresPdf
{
    public static byte[] Render(
        FiguresReportHeading heading, IReadOnlyList<FigureTable> tables, IStringLocalizer text, CultureInfo culture,
        PageSize size = PageSize.Letter)
    {
        var words = AnalyticsWords.From(text);
        using var document = new PdfDocumentBuilder();
        document.DocumentInformation.Title = heading.Title;
        document.DocumentInformation.Creator = "Beacon";
        var w = new PdfTextWriter(document, size);
        w.Title(heading.Title);
        w.Field(text[heading.Counties.Count == 1 ? "Pdf.County" : "Pdf.Counties"], string.Join(", ", heading.Counties));
        w.Field(text["Pdf.Period"], heading.Period);
        w.Field(text["Pdf.Agency"], heading.Agency);
        w.Field(text["Pdf.Generated"],
            $"{PacificTime.FromUtc(heading.GeneratedUtc).ToString("g", culture)} {PacificTime.Abbreviation(heading.GeneratedUtc)}");
        w.Line(text["Pdf.Deidentified"]);
        if (heading.Synthetic)
        {
            w.Warning(text["Pdf.Synthetic"]);
        }

        w.Heading(text["Figure.Notes"]);
        w.Line($"{FigureText.Small}: {words.SmallNote}");
        w.Line($"{words.Hidden}: {words.HiddenNote}");

        foreach (var table in tables)
        {
            w.Heading(table.Title);
            w.Table([table.RowHeading, .. table.Columns],
                [.. table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Values.Select(v => FigureText.Format(v, culture, words.Hidden))])]);
            if (!string.IsNullOrWhiteSpace(table.Note))
            {
                w.Line(table.Note, muted: true);
            }
        }

        for (var i = 0; i < w.Pages.Count; i++)
        {
            w.Footer(w.Pages[i], text["Pdf.Footer"], text["Pdf.PageOf", i + 1, w.Pages.Count]);
        }

        return document.Build();
    }
}
