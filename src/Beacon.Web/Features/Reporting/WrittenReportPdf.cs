using System.Globalization;
using Beacon.Core.Reporting;
using Beacon.Core.TaskForce;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig.Writer;

namespace Beacon.Web.Features.Reporting;

/// <summary>Everything the written report's PDF prints, already read and allowed.</summary>
public sealed record WrittenReportDocument(
    ReportingLaw Law, WrittenReportDraft Draft, string Reporter, string CalledAgency, DateTime LearnedUtc, DateTime PhonedUtc, string TakenBy,
    string? Reference, DateTime DueUtc, DateTime? SentUtc, string? SentMethod, string? SentTo, DateTime GeneratedUtc, CultureInfo Culture)
{
    public IReadOnlyList<ReportField> Missing => Draft.MissingRequired(Law);
}

/// <summary>
/// Lays out a written mandated report as a printable PDF: the law it is made under and the honest note
/// that the Department of Justice's form is still the form, the phone report, the clock's due time, then
/// every fact of the law with its label, an empty one printed as unknown. Labels come from
/// <paramref name="text"/> in the reader's language. Plain in, bytes out: no HTTP, no database.
/// </summary>
public static class WrittenReportPdf
{
    public static byte[] Render(WrittenReportDocument d, IStringLocalizer text)
    {
        using var document = new PdfDocumentBuilder();
        document.DocumentInformation.Title = text["Pdf.Title"];
        document.DocumentInformation.Creator = "Beacon";
        var w = new PdfTextWriter(document);
        w.Title(text["Pdf.Title"]);
        w.Warning(text["Pdf.Confidential"]);
        w.Line(text["Pdf.Law", d.Law.ContentsCitation, d.Law.Clock.Citation, d.Law.Clock.Hours]);
        // The law's own note on the official form (California: PC 11168 and form SS 8572), so the PDF never passes for it.
        if (d.Law.Duties.FirstOrDefault(duty => duty.Key == $"{d.Law.Id}.Form") is { } form)
        {
            w.Line($"{text["Law." + form.Key]} ({form.Citation})", muted: true);
        }
        if (d.Missing.Count > 0)
        {
            w.Warning(text["Pdf.Draft", string.Join(", ", d.Missing.Select(f => text["Field." + f.Id].Value))]);
        }

        w.Heading(text["Pdf.Phone"]);
        w.Field(text["Phone.Field.Agency"], d.CalledAgency);
        w.Field(text["Phone.Field.Learned"], When(d, d.LearnedUtc));
        w.Field(text["Phone.Field.Phoned"], When(d, d.PhonedUtc));
        w.Field(text["Phone.Field.TakenBy"], d.TakenBy);
        w.Field(text["Phone.Field.Reference"], d.Reference ?? text["Report.NoReference"]);
        w.Field(text["Pdf.Due"], When(d, d.DueUtc));
        if (d.SentUtc is { } sent)
        {
            w.Field(text["Pdf.Sent"], $"{When(d, sent)} — {d.SentMethod} — {d.SentTo}");
        }

        foreach (var group in d.Law.Fields.GroupBy(f => f.Group))
        {
            w.Heading(text["Group." + group.Key]);
            foreach (var field in group)
            {
                w.Block(text["Field." + field.Id], d.Draft[field.Id] ?? text["Pdf.Unknown"]);
            }
        }

        w.Line("");
        w.Line(text["Pdf.Generated", When(d, d.GeneratedUtc), d.Reporter], muted: true);
        var pages = w.Pages.Count;
        for (var i = 0; i < pages; i++)
        {
            w.Footer(w.Pages[i], text["Pdf.Confidential"], text["Pdf.Page", i + 1, pages]);
        }

        return document.Build();
    }

    /// <summary>California time in the reader's culture, zone named.</summary>
    private static string When(WrittenReportDocument d, DateTime utc) =>
        $"{PacificTime.FromUtc(utc).ToString("g", d.Culture)} {PacificTime.Abbreviation(utc)}";
}
