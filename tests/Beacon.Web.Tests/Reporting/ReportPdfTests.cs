using System.Globalization;
using System.Net;
using System.Text;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Core.TaskForce;
using Beacon.Web.Tests.Cases.Queues;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>
/// The written report's PDF, opened with PdfPig as a reader would: every required fact's value, the
/// label of every fact, "Unknown" (or "Desconocido") for a fact left empty, the phone report and the
/// clock's due time; audited as an export and never cached.
/// </summary>
[Trait("Category", "Data")]
public sealed class ReportPdfTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly ReportingLaw Law = ReportingLaw.California;

    [Fact]
    public async Task Pdf_CompleteReport_HoldsEveryRequiredValueEveryLabelAndUnknownForEmptyFacts()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var reference = Marker("REF-");
        var phoned = Minute(DateTime.UtcNow.AddHours(-1));
        var id = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: phoned, takenBy: "Lupe Ortiz", reference: reference));
        var values = await FileAsync(client, id);

        var response = await client.GetAsync($"/reports/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the PDF may be cached");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = Flat(PdfText.Read(pdf).All);
        Assert.Contains(Text("Pdf.Title"), text);
        Assert.Contains("Penal Code § 11167(a)", text);
        Assert.Contains("form SS 8572", text);
        foreach (var field in Law.Fields.Where(f => f.Required))
        {
            Assert.Contains(values[field.Id], text);
        }

        foreach (var field in Law.Fields)
        {
            Assert.Contains(Text("Field." + field.Id), text);
        }

        Assert.Contains($"{Text("Field.child.location")} Unknown", text);
        Assert.Contains($"{Text("Field.suspect")} Unknown", text);
        Assert.Contains($"{Text("Field.child.school")} {values["child.school"]}", text);
        Assert.Contains("Placer County Child Welfare Hotline", text);
        Assert.Contains("Lupe Ortiz", text);
        Assert.Contains(reference, text);
        Assert.Contains(When(phoned), text);
        Assert.Contains(When(phoned.AddHours(36)), text);
        Assert.DoesNotContain("Draft", text);
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id), e => e is { Action: AuditAction.Export, Detail: "pdf" });
    }

    [Fact]
    public async Task Pdf_InSpanish_HasSpanishLabelsAndDesconocidoForEmptyFacts()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        await FileAsync(client, id);

        var text = Flat(PdfText.Read(await client.GetByteArrayAsync($"/reports/{id}/pdf?lang=es")).All);

        Assert.Contains(Text("Pdf.Title", "es"), text);
        Assert.Contains(Text("Group.Guardians", "es"), text);
        Assert.Contains($"{Text("Field.child.location", "es")} Desconocido", text);
        Assert.Contains($"{Text("Field.guardians", "es")} Desconocido", text);
        Assert.DoesNotContain("Unknown", text);
    }

    [Fact]
    public async Task Pdf_BeforeTheWrittenReportIsComplete_SaysDraftAndNamesWhatIsMissing()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();

        var text = Flat(PdfText.Read(await client.GetByteArrayAsync($"/reports/{id}/pdf")).All);

        Assert.Contains($"Draft — required facts still missing: {Text("Field.reporter.phone")}, {Text("Field.reporter.capacity")}", text);
        Assert.Contains($"{Text("Field.reporter.name")} Test User", text);
    }

    /// <summary>Files the written report with a value of its own for each required fact and the school, the rest left empty.</summary>
    private static async Task<Dictionary<string, string>> FileAsync(HttpClient client, Guid id)
    {
        var values = Law.Fields.Where(f => f.Required).ToDictionary(f => f.Id, f => Marker(f.Id.Replace('.', ' ') + " "));
        values["child.school"] = Marker("Placer Union High ");
        var (fields, stamp) = await client.WrittenFormAsync(id);
        foreach (var key in fields.Keys.ToList())
        {
            fields[key] = values.GetValueOrDefault(key[2..], "");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostWrittenAsync(id, fields, stamp, "file")).StatusCode);
        return values;
    }

    /// <summary>The PDF's text as one line: a long label or value wraps at spaces, so its words are joined again.</summary>
    private static string Flat(string text) => text.Replace('\n', ' ');

    private static string When(DateTime utc) =>
        $"{PacificTime.FromUtc(utc).ToString("g", CultureInfo.GetCultureInfo("en"))} {PacificTime.Abbreviation(utc)}";
}
