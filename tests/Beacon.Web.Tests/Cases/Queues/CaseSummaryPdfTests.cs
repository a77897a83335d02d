using System.Globalization;
using Beacon.Web.Features.Cases.Exports;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary>The summary's layout on its own, from a plain model: no host, no database.</summary>
public sealed class CaseSummaryPdfTests
{
    private static readonly DateTime Generated = new(2026, 11, 24, 17, 30, 0, DateTimeKind.Utc); // 9:30 AM PST

    [Fact]
    public void Render_EnglishModel_HasLabelsDataWarningAndCaliforniaTime()
    {
        var pdf = Render(Model("en"), "en");

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfText.Read(pdf).All;
        Assert.Contains("Case summary", text);
        Assert.Contains("Confidential — contains a youth's personal information", text);
        Assert.Matches(@"Generated 11/24/2026 9:30\sAM PST", text);
        Assert.Contains("Legal name", text);
        Assert.Contains("Ximena Quetzalli Ordóñez", text);
        Assert.Contains("Status history", text);
        Assert.Contains("Safety plan", text);
        Assert.Contains("Stays with her aunt; calls her advocate daily.", text);
        Assert.Contains("Call the school counsellor", text);
        Assert.Contains("Page 1 of 1", text);
    }

    [Fact]
    public void Render_SpanishCulture_UsesSpanishLabels()
    {
        var text = PdfText.Read(Render(Model("es"), "es")).All;

        Assert.Contains("Resumen del caso", text);
        Assert.Contains("Confidencial — contiene información personal de un joven", text);
        Assert.Contains("Generado el 24/11/2026", text);
        Assert.Contains("Nombre legal", text);
        Assert.Contains("Plan de seguridad", text);
        Assert.DoesNotContain("Case summary", text);
    }

    [Fact]
    public void Render_LongNotes_FlowOntoMorePagesEachWithTheWarningAndPageNumber()
    {
        var notes = Enumerable.Range(1, 60)
            .Select(i => new SummaryNote("Dana Ruiz", Generated, 1, Generated, $"Note number {i}: " + string.Join(' ', Enumerable.Repeat("follow-up", 30))))
            .ToList();
        var document = PdfText.Read(Render(Model("en") with { Notes = notes }, "en"));

        Assert.True(document.PageCount > 2, $"{document.PageCount} pages");
        for (var i = 0; i < document.PageCount; i++)
        {
            Assert.Contains("Confidential — contains a youth's personal information", document.Pages[i]);
            Assert.Contains($"Page {i + 1} of {document.PageCount}", document.Pages[i]);
        }

        Assert.Contains("Note number 60:", document.All);
    }

    [Fact]
    public void Render_IdentityNotSeen_SaysSoAndShowsNoName()
    {
        var text = PdfText.Read(Render(Model("en") with { Youth = null }, "en")).All;

        Assert.Contains("The youth's identity is not shared with you.", text);
        Assert.DoesNotContain("Ximena", text);
    }

    [Fact]
    public void Render_CharactersTheFontLacks_AreReplacedNotFatal()
    {
        var note = new SummaryNote("Dana Ruiz", Generated, 1, Generated, "Smiled 😀 and wrote 中文 at school");
        var text = PdfText.Read(Render(Model("en") with { Notes = [note] }, "en")).All;

        Assert.Contains("Smiled \uFFFD and wrote \uFFFD\uFFFD at school", text);
    }

    [Fact]
    public void Render_MoreThan255DifferentCharacters_AllReadBack()
    {
        // Greek and Cyrillic letters DejaVu Sans has: more than one simple font (255 characters) can hold.
        var letters = new string(Enumerable.Range(0x3B1, 25).Concat(Enumerable.Range(0x400, 255)).Select(i => (char)i).ToArray());
        var note = new SummaryNote("Dana Ruiz", Generated, 1, Generated, letters);
        var text = PdfText.Read(Render(Model("en") with { Notes = [note] }, "en")).All;

        Assert.Equal("", string.Concat(letters.Where(c => !text.Contains(c))));
        Assert.Contains("Ximena Quetzalli Ordóñez", text);
    }

    private static byte[] Render(CaseSummary model, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            var factory = new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
            return CaseSummaryPdf.Render(model, factory.Create(typeof(QueueResource)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static CaseSummary Model(string language) => new(
        Guid.NewGuid(), Generated, new CultureInfo(language),
        new SummaryYouth("Ximena Quetzalli Ordóñez", "Xime", new DateOnly(2011, 2, 27), "she/her", "es", Purged: false),
        "Services", "Placer Child Welfare", "Dana Ruiz", Generated.AddDays(-10), null,
        [new SummaryStatusChange(Generated.AddDays(-5), "Open", "Services", "Dana Ruiz", "Safety plan agreed")],
        [new SummaryMember("Lee Park", "Placer Probation", null), new SummaryMember("Ana Soto", "Placer Health", Generated.AddDays(3))],
        [new SummaryService("Housing", "Placer Housing", "active", Generated.AddDays(-2))],
        new SummarySafetyPlan("Stays with her aunt; calls her advocate daily.", "Dana Ruiz", Generated.AddDays(-1)),
        [new SummaryNote("Dana Ruiz", Generated.AddDays(-4), 2, Generated.AddDays(-3), "Met at school; second version.")],
        [new SummaryTask("Call the school counsellor", new DateOnly(2026, 11, 30), "Dana Ruiz", null)]);
}
