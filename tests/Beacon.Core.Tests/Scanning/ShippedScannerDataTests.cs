using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The lexicons and cue lists Beacon ships load, and speak only and all of the catalog's IDs.</summary>
public sealed class ShippedScannerDataTests
{
    public static TheoryData<string> Languages => ["en", "es"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Load_ShippedLexicon_HasItsLanguage(string language) =>
        Assert.Equal(language, ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).Language);

    [Theory]
    [MemberData(nameof(Languages))]
    public void UnknownIndicators_ShippedLexicon_IsEmpty(string language) =>
        Assert.Empty(ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).UnknownIndicators(ScannerContent.Catalog.Value));

    [Theory]
    [MemberData(nameof(Languages))]
    public void MissingIndicators_ShippedLexicon_IsEmpty(string language) =>
        Assert.Empty(ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).MissingIndicators(ScannerContent.Catalog.Value));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Terms_ShippedLexicon_GiveEveryCatalogItemAtLeastThreePhrases(string language)
    {
        var lexicon = ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json"));
        var catalog = ScannerContent.Catalog.Value;

        Assert.Equal(62, catalog.AllIds.Count());
        var thin = catalog.AllIds.Where(id => !lexicon.Terms.TryGetValue(id, out var p) || p.Count < 3).ToList();
        Assert.True(thin.Count == 0, $"fewer than 3 phrases: {string.Join(", ", thin)}");
    }

    [Theory]
    [InlineData("daddy")]
    [InlineData("the life")]
    [InlineData("trick")]
    [InlineData("date")]
    [InlineData("track")]
    [InlineData("blade")]
    [InlineData("wifey")]
    public void Terms_EnglishLexicon_HaveTheSlangOfTheIssueUnderExploitationLexicon(string slang) =>
        Assert.True(HasSlang("en", slang), $"no phrase with \"{slang}\" under exploitation-lexicon");

    [Theory]
    [InlineData("papi")]
    [InlineData("la vida")]
    [InlineData("trick")]
    [InlineData("cita")]
    [InlineData("track")]
    [InlineData("la pista")]
    [InlineData("blade")]
    [InlineData("wifey")]
    public void Terms_SpanishLexicon_HaveTheSlangsCounterpartsUnderExploitationLexicon(string slang) =>
        Assert.True(HasSlang("es", slang), $"no phrase with \"{slang}\" under exploitation-lexicon");

    // The slang is there if some phrase has its words in a row, a prefix word ("trick*") counting as a match.
    private static bool HasSlang(string language, string slang)
    {
        var phrases = ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).Terms["exploitation-lexicon"];
        var target = slang.Split(' ');
        return phrases.Any(p => Enumerable.Range(0, p.Words.Count - target.Length + 1).Any(start =>
            target.Select((w, k) => (Word: p.Words[start + k], Text: w)).All(pair =>
                pair.Word.Prefix ? pair.Text.StartsWith(pair.Word.Text, StringComparison.Ordinal) : pair.Word.Text == pair.Text)));
    }

    [Theory]
    [InlineData("es", "exploitation-lexicon", "trabaja para su papi")]
    [InlineData("es", "exploitation-lexicon", "trabaja en la pista")]
    [InlineData("es", "gifts-affection", "le compr* un celular")]
    [InlineData("es", "older-partner", "novio mayor")]
    [InlineData("en", "older-partner", "boyfriend * older")]
    public void Terms_ShippedLexicon_PutExamplesUnderTheRightId(string language, string id, string phrase) =>
        Assert.Contains(phrase, ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).Terms[id].Select(p => p.Text));

    [Theory]
    [InlineData("en", "date")]
    [InlineData("en", "phone")]
    [InlineData("en", "life")]
    [InlineData("en", "daddy")]
    [InlineData("es", "papi")]
    [InlineData("es", "la vida")]
    [InlineData("es", "la pista")]
    public void Terms_ShippedLexicon_HaveNoBareEverydayWord(string language, string word) =>
        Assert.DoesNotContain(ScannerLexicon.Load(ScannerContent.File($"lexicon.{language}.json")).Terms.Values.SelectMany(p => p),
            p => p.Text == word);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Load_ShippedCues_HaveEveryListFilled(string language)
    {
        var cues = ScannerCues.Load(ScannerContent.File($"cues.{language}.json"));

        Assert.Equal(language, cues.Language);
        Assert.NotEmpty(cues.Negation.Before);
        Assert.NotEmpty(cues.Negation.After);
        Assert.NotEmpty(cues.Uncertainty.Before);
        Assert.NotEmpty(cues.Uncertainty.After);
        Assert.NotEmpty(cues.Pseudo);
        Assert.NotEmpty(cues.Terminators);
        Assert.NotEmpty(cues.OtherPerson);
        Assert.InRange(cues.Window, 1, 30);
    }

    [Theory]
    [InlineData("en", "denies", "concerned that", "no longer", "but", "her friend")]
    [InlineData("es", "niega", "le preocupa que", "sin duda", "sin embargo", "su hermana")]
    public void Load_ShippedCues_HaveTheIssuesExamples(string language, string negation, string uncertainty, string pseudo, string terminator, string other)
    {
        var cues = ScannerCues.Load(ScannerContent.File($"cues.{language}.json"));

        Assert.Contains(negation, cues.Negation.Before.Select(p => p.Text));
        Assert.Contains(uncertainty, cues.Uncertainty.Before.Select(p => p.Text));
        Assert.Contains(pseudo, cues.Pseudo.Select(p => p.Text));
        Assert.Contains(terminator, cues.Terminators.Select(p => p.Text));
        Assert.Contains(other, cues.OtherPerson.Select(p => p.Text));
    }
}
