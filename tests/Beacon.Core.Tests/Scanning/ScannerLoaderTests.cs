using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The loaders refuse a malformed file with a message naming the file, the entry and why.</summary>
public sealed class ScannerLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("beacon-scanner-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private string Lexicon(string phrases, string language = "en", string more = "") => Write("lexicon.test.json", $$"""
        { "language": "{{language}}", "terms": [
          { "indicator": "hotel-keys", "phrases": [{{phrases}}] }{{more}} ] }
        """);

    private string Cues(string negationBefore = "\"denies\"", string language = "en", string window = "6",
        string joiners = "\"and\", \"or\"") => Write("cues.test.json", $$"""
        { "language": "{{language}}",
          "negation": { "before": [{{negationBefore}}], "after": ["was denied"] },
          "uncertainty": { "before": ["may"], "after": ["is suspected"] },
          "pseudo": ["no longer"], "terminators": ["but"], "otherPerson": ["her friend"],
          "youth": ["she"], "listJoiners": [{{joiners}}], "window": {{window}} }
        """);

    [Fact]
    public void Load_WellFormedLexicon_ParsesWordsWithPrefixFlags()
    {
        var lexicon = ScannerLexicon.Load(Lexicon("\"motel key*\", \"boyfriend * older\", \"tarjeta* de hotel\""));

        var phrases = lexicon.Terms["hotel-keys"];
        Assert.Equal([new PhraseWord("motel", false), new PhraseWord("key", true)], phrases[0].Words);
        Assert.True(phrases[1].Words[1].IsWildcard);
        Assert.False(phrases[1].Words[0].IsWildcard);
        Assert.Equal("tarjeta", phrases[2].Words[0].Text);
    }

    [Fact]
    public void NumberWord_MatchesDigitsOnly()
    {
        var scanner = new NoteScanner(ScannerLexicon.Load(Lexicon("\"a # year old boyfriend\"")), ScannerCues.Load(Cues()));

        Assert.Equal(["a 24 year old boyfriend"], scanner.Scan("Has a 24 year old boyfriend.").Select(f => f.Text));
        Assert.Empty(scanner.Scan("Has a twenty year old boyfriend. Has a 2b year old boyfriend."));
        Assert.True(ScannerLexicon.Load(Lexicon("\"a # year old boyfriend\"")).Terms["hotel-keys"][0].Words[1].IsNumber);
    }

    [Theory]
    [InlineData("\"\"", "empty")]
    [InlineData("\"Hotel key\"", "uppercase")]
    [InlineData("\"hotel  key\"", "single spaces")]
    [InlineData("\" hotel key\"", "single spaces")]
    [InlineData("\"hotel key.\"", "punctuation")]
    [InlineData("\"hotel, key\"", "punctuation")]
    [InlineData("\"ho*tel key\"", "punctuation")]
    [InlineData("\"* *\"", "only *")]
    [InlineData("\"*\"", "only *")]
    [InlineData("\"# *\"", "only *")]
    [InlineData("\"#\"", "only *")]
    [InlineData("\"ho#tel\"", "punctuation")]
    [InlineData("\"** hotel key\"", "must come after a word")]
    [InlineData("\"hotel ** ** key\"", "must come after a word")]
    [InlineData("\"hotel key **\"", "must be followed by a word")]
    [InlineData("\"* ** #\"", "only *, ** and #")]
    [InlineData("\"hotel ***\"", "punctuation")]
    public void Load_MalformedPhrase_IsRefusedNamingFileEntryAndWhy(string phrase, string why)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(Lexicon(phrase)));

        Assert.Contains("lexicon.test.json", ex.Message);
        Assert.Contains("terms[0] (hotel-keys)", ex.Message);
        Assert.Contains(why, ex.Message);
    }

    [Theory]
    [InlineData("\"hotel key\"")]
    [InlineData("\"Hotel Key\"")]
    public void Load_PhraseUnderTwoIds_IsRefusedNamingBoth(string second)
    {
        var path = Lexicon("\"hotel key\"", more: $$""", { "indicator": "cash-rolls", "phrases": [{{second}}] }""");

        var ex = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(path));

        Assert.Contains("lexicon.test.json", ex.Message);
        Assert.Contains(second.StartsWith("\"H", StringComparison.Ordinal) ? "uppercase" : "already under hotel-keys", ex.Message);
    }

    [Fact]
    public void Load_AccentVariantUnderTwoIds_IsRefused()
    {
        var path = Lexicon("\"está en la vida\"", "es", """, { "indicator": "cash-rolls", "phrases": ["esta en la vida"] }""");

        var ex = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(path));

        Assert.Contains("terms[1] (cash-rolls)", ex.Message);
        Assert.Contains("already under hotel-keys", ex.Message);
    }

    [Fact]
    public void Load_SameIdTwice_IsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(
            Lexicon("\"hotel key\"", more: """, { "indicator": "hotel-keys", "phrases": ["motel key"] }""")));

        Assert.Contains("terms[1] (hotel-keys)", ex.Message);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("")]
    public void Load_UnknownLanguage_IsRefused(string language)
    {
        var lexicon = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(Lexicon("\"hotel key\"", language)));
        var cues = Assert.Throws<InvalidDataException>(() => ScannerCues.Load(Cues(language: language)));

        Assert.Contains("lexicon.test.json: language", lexicon.Message);
        Assert.Contains("cues.test.json: language", cues.Message);
    }

    [Fact]
    public void Load_MisspeltKey_IsRefused()
    {
        var path = Write("lexicon.test.json", """{ "language": "en", "terms": [ { "indicator": "hotel-keys", "phrase": ["hotel key"] } ] }""");

        var ex = Assert.Throws<InvalidDataException>(() => ScannerLexicon.Load(path));

        Assert.Contains("lexicon.test.json", ex.Message);
    }

    [Fact]
    public void UnknownAndMissingIndicators_AgainstTheCatalog_NameTheDifference()
    {
        var lexicon = ScannerLexicon.Load(Lexicon("\"hotel key\"", more: """, { "indicator": "hotel-keyz", "phrases": ["motel key"] }"""));
        var catalog = ScannerContent.Catalog.Value;

        Assert.Equal(["hotel-keyz"], lexicon.UnknownIndicators(catalog));
        Assert.Equal(61, lexicon.MissingIndicators(catalog).Count);
        Assert.DoesNotContain("hotel-keys", lexicon.MissingIndicators(catalog));
    }

    [Fact]
    public void Load_WellFormedCues_ReadsEveryList()
    {
        var cues = ScannerCues.Load(Cues("\"denies\", \"negative for\", \"no evidence of\""));

        Assert.Equal(3, cues.Negation.Before.Count);
        Assert.Equal("was denied", cues.Negation.After[0].Text);
        Assert.Equal(6, cues.Window);
        Assert.Equal(["and", "or"], cues.ListJoiners);
    }

    [Theory]
    [InlineData("\"and so\"")]
    [InlineData("\"and*\"")]
    [InlineData("\"# and\"")]
    public void Load_ListJoinerNotOnePlainWord_IsRefused(string joiner)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ScannerCues.Load(Cues(joiners: joiner)));

        Assert.Contains("cues.test.json: listJoiners", ex.Message);
        Assert.Contains("one plain word", ex.Message);
    }

    [Theory]
    [InlineData("\"Denies\"", "uppercase")]
    [InlineData("\"no  evidence\"", "single spaces")]
    [InlineData("\"denies!\"", "punctuation")]
    [InlineData("\"*\"", "only *")]
    [InlineData("\"\"", "empty")]
    [InlineData("\"denies\", \"denies\"", "listed twice")]
    public void Load_MalformedCue_IsRefusedNamingFileListAndWhy(string before, string why)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ScannerCues.Load(Cues(before)));

        Assert.Contains("cues.test.json: negation.before", ex.Message);
        Assert.Contains(why, ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("null")]
    public void Load_WindowOutOfRange_IsRefused(string window)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ScannerCues.Load(Cues(window: window)));

        Assert.Contains("cues.test.json: window", ex.Message);
    }

    [Fact]
    public void Load_CuesWithoutAList_IsRefused()
    {
        var path = Write("cues.test.json", """
            { "language": "es", "negation": { "before": ["no"], "after": [] }, "uncertainty": { "before": ["si"], "after": [] },
              "pseudo": [], "terminators": ["pero"], "youth": ["she"], "listJoiners": ["y"], "window": 6 }
            """);

        var ex = Assert.Throws<InvalidDataException>(() => ScannerCues.Load(path));

        Assert.Contains("cues.test.json: otherPerson: missing", ex.Message);
    }

    [Theory]
    [InlineData("Está", "esta")]
    [InlineData("niño", "nino")]
    [InlineData("sospechó", "sospecho")]
    public void Fold_AccentsAndCase_AreRemoved(string text, string folded) =>
        Assert.Equal(folded, ScannerPhrase.Fold(text));
}
