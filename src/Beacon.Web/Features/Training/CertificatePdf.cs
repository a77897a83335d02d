using System.Globalization;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig.Writer;

namespace Beacon.Web.Features.Training;

/// <summary>What a certificate says: who passed which course and when, and the code that checks it.</summary>
public sealed record CertificateFacts(string LearnerName, string CourseTitle, DateTime PassedUtc, string Code, string VerifyUrl);

/// <summary>
/// The printable certificate: the learner's name, the course, the date and the verification code with the
/// address where an employer checks it. Nothing else, so a printed copy tells no more than /verify does.
/// </summary>
public static class CertificatePdf
{
    public static byte[] Render(CertificateFacts facts, IStringLocalizer text, CultureInfo culture)
    {
        using var document = new PdfDocumentBuilder();
        document.DocumentInformation.Title = text["Certificate.Title"];
        document.DocumentInformation.Creator = "Beacon";
        var w = new PdfTextWriter(document);
        w.Title(text["Certificate.Title"]);
        w.Line(text["Certificate.Certifies"]);
        w.Heading(facts.LearnerName);
        w.Line(text["Certificate.Passed"]);
        w.Heading(facts.CourseTitle);
        w.Field(text["Certificate.Date"], LocalTime.LongDate(facts.PassedUtc, culture));
        w.Field(text["Certificate.Code"], facts.Code);
        w.Line(text["Certificate.Check", facts.VerifyUrl]);
        w.Line(text["Certificate.Scope"], muted: true);
        return document.Build();
    }
}
