using System.Text.Encodings.Web;
using Beacon.Core.Scanning;
using Beacon.Web.Features.Learn;
using Beacon.Web.Features.Scanning;
using Beacon.Web.Features.Screening;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Scanning;

/// <summary>The shared rendering's building blocks, without pages: marks and labels, ids, and what a dismissal and a question map to.</summary>
public sealed class ScannedTextTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private LearnContent Content => factory.Services.GetRequiredService<LearnContent>();

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private ScannedText Build(string text, params Finding[] findings) =>
        ScannedText.Build(text, new NoteScan("en", findings), "t", null, Content.Catalog, "en", (status, name) => $"{status}: {name}");

    [Fact]
    public void Build_Findings_MarkedInPlaceWithLabelsAndListedInTextOrder()
    {
        var text = "Denies an older boyfriend. She has two phones.";

        var scanned = Build(text,
            new Finding("multiple-phones", FindingStatus.Present, 35, 45, "two phones", null),
            new Finding("older-partner", FindingStatus.Negated, 10, 25, "older boyfriend", "Denies"));

        Assert.Equal(
            "Denies an <span class=\"scan-hit scan-negated\" id=\"t-f0\"><mark>older boyfriend</mark><span class=\"scan-tag\">" +
            "<span class=\"visually-hidden\"> (</span>Negated: Talks about an older boyfriend or girlfriend<span class=\"visually-hidden\">)</span></span></span>" +
            ". She has <span class=\"scan-hit scan-present\" id=\"t-f1\"><mark>two phones</mark><span class=\"scan-tag\">" +
            "<span class=\"visually-hidden\"> (</span>Present: Has more than one phone<span class=\"visually-hidden\">)</span></span></span>.",
            Html(scanned.Markup));
        Assert.Equal(["older-partner", "multiple-phones"], scanned.Findings.Select(f => f.Finding.Indicator));
        Assert.Equal(["t-f0", "t-f1"], scanned.Findings.Select(f => f.AnchorId));
        Assert.Single(scanned.In(FindingStatus.Present));
    }

    [Fact]
    public void Build_OverlappingOrOutOfRangeFinding_ListedWithoutASecondMark()
    {
        var scanned = Build("two phones",
            new Finding("multiple-phones", FindingStatus.Present, 0, 10, "two phones", null),
            new Finding("gift-cards", FindingStatus.Present, 4, 10, "phones", null),
            new Finding("cash-rolls", FindingStatus.Present, 8, 30, "beyond", null));

        Assert.Equal(1, Html(scanned.Markup).Split("<mark>").Length - 1);
        Assert.Equal(["t-f0", null, null], scanned.Findings.Select(f => f.AnchorId));
    }

    [Fact]
    public void Build_TwoItemsOverlappingInPart_TheLaterMarkedFromWhereTheEarlierEnds()
    {
        var scanned = Build("He threatened to post nude pictures.",
            new Finding("blackmail-exposure", FindingStatus.Present, 3, 21, "threatened to post", null),
            new Finding("abuse-material", FindingStatus.Present, 17, 35, "post nude pictures", null));

        var html = Html(scanned.Markup);

        Assert.Contains("<mark>threatened to post</mark>", html);
        Assert.Contains("</span></span> <span class=\"scan-hit scan-present\" id=\"t-f1\"><mark>nude pictures</mark>", html);
        Assert.Equal(["t-f0", "t-f1"], scanned.Findings.Select(f => f.AnchorId));
    }

    [Fact]
    public void Build_TextInAnotherLanguage_LabelsKeepThePagesLanguage()
    {
        var scanned = ScannedText.Build("Tiene dos celulares.", new NoteScan("es", [new Finding("multiple-phones", FindingStatus.Present, 6, 19, "dos celulares", null)]),
            "t", "es", Content.Catalog, "en", (status, name) => name);

        Assert.Contains("<span class=\"scan-tag\" lang=\"en\">", Html(scanned.Markup));
        Assert.Equal("Has more than one phone", scanned.Findings[0].Name);
    }

    [Fact]
    public void DismissedSuggestions_OnlyCatalogIdsSortedOnceAndNullWhenNone()
    {
        var ids = DismissedSuggestions.Of(["hotel-keys", "not-an-id", null, "cash-rolls", "hotel-keys"], Content.Catalog);

        Assert.Equal("[\"cash-rolls\",\"hotel-keys\"]", DismissedSuggestions.Write(ids));
        Assert.Equal(ids, DismissedSuggestions.Read(DismissedSuggestions.Write(ids)));
        Assert.Null(DismissedSuggestions.Write([]));
        Assert.Empty(DismissedSuggestions.Read(null));
    }

    [Fact]
    public void QuestionsOf_EachCatalogItemToTheQuestionThatAsksIt()
    {
        var set = new InstrumentSet(factory.Services.GetRequiredService<ScreeningInstruments>().Shipped);

        var full = ScreenSuggestions.QuestionsOf(set.Active("beacon-full")!, Content.Catalog);
        var quick = ScreenSuggestions.QuestionsOf(set.Active("beacon-quick")!, Content.Catalog);

        Assert.Equal("hotel-keys", full["hotel-keys"].Id);
        Assert.All(full, q => Assert.Equal(q.Key, q.Value.Id));
        // The quick check asks several catalog items in one question ("also").
        Assert.Contains(quick, q => q.Key != q.Value.Id);
        Assert.All(quick, q => Assert.True(q.Key == q.Value.Id || q.Value.Also.Contains(q.Key)));
    }
}
