using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>
/// The engine's reading rules on a small lexicon of its own (so the shipped data can change without these
/// changing): colons, hyphens, numbers with a least value, questions.
/// </summary>
public sealed class NoteScannerRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("beacon-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private NoteScanner Scanner(params string[] phrases)
    {
        var lexicon = Path.Combine(_dir, "lexicon.en.json");
        File.WriteAllText(lexicon, $$"""
            { "language": "en", "terms": [ { "indicator": "older-partner", "phrases": [{{string.Join(", ", phrases.Select(p => $"\"{p}\""))}}] },
              { "indicator": "hotel-keys", "phrases": ["hotel key*"] } ] }
            """);
        var cues = Path.Combine(_dir, "cues.en.json");
        File.WriteAllText(cues, """
            { "language": "en",
              "negation": { "before": ["denies"], "after": ["none"] },
              "uncertainty": { "before": ["may"], "after": ["is suspected"] },
              "pseudo": [], "terminators": ["but"], "otherPerson": [], "window": 6 }
            """);
        return new NoteScanner(ScannerLexicon.Load(lexicon), ScannerCues.Load(cues));
    }

    [Fact]
    public void Colon_DoesNotEndTheSentence_SoAChecklistAnswerReachesItsItem()
    {
        var scanner = Scanner("older boyfriend");

        var finding = Assert.Single(scanner.Scan("Hotel keys: none."));

        Assert.Equal((FindingStatus.Negated, "none"), (finding.Status, finding.Cue));
        Assert.Equal(FindingStatus.Present, Assert.Single(scanner.Scan("Checklist:\nHotel keys in her bag.")).Status);
    }

    [Theory]
    [InlineData("She has a 26-year-old boyfriend.", "26-year-old boyfriend")]
    [InlineData("She has a 26 year old boyfriend.", "26 year old boyfriend")]
    [InlineData("Talks about her ex-boyfriend.", "ex-boyfriend")]
    [InlineData("Talks about her ex boyfriend.", "ex boyfriend")]
    public void Hyphen_SeparatesWords_InNotesAndPhrasesAlike(string note, string matched)
    {
        var scanner = Scanner("# year old boyfriend", "ex-boyfriend");

        Assert.Equal(matched, Assert.Single(scanner.Scan(note)).Text);
    }

    [Fact]
    public void Hyphen_InTwoPhrasesThatOtherwiseAgree_IsTheSamePhrase()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Scanner("ex-boyfriend", "ex boyfriend"));

        Assert.Contains("already under older-partner", ex.Message);
    }

    [Theory]
    [InlineData("Bf 22, met online.", true)]
    [InlineData("bf (18) picks her up.", true)]
    [InlineData("Bf 17, same school.", false)]
    [InlineData("Bf ten years older.", false)]
    public void NumberAtLeast_MatchesOnlyNumbersFromItsLeastValue(string note, bool found)
    {
        var scanner = Scanner("bf #18+");

        Assert.Equal(found, scanner.Scan(note).Count == 1);
    }

    [Fact]
    public void Question_MakesWhatItAsksAboutUncertain_ButADenialStays()
    {
        var scanner = Scanner("older boyfriend");

        var asked = Assert.Single(scanner.Scan("Does she have an older boyfriend? She has a hotel key."), f => f.Indicator == "older-partner");
        var denied = Assert.Single(scanner.Scan("Denies an older boyfriend?"));

        Assert.Equal((FindingStatus.Uncertain, "?"), (asked.Status, asked.Cue));
        Assert.Equal(FindingStatus.Present, scanner.Scan("Does she have an older boyfriend? She has a hotel key.").Single(f => f.Indicator == "hotel-keys").Status);
        Assert.Equal(FindingStatus.Negated, denied.Status);
    }
}
