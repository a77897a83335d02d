using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>
/// The engine's reading rules on a small lexicon of its own (so the shipped data can change without these
/// changing): colons, commas, hyphens, numbers with a least value, questions.
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
              "negation": { "before": ["denies", "not", "no one"], "after": ["none"] },
              "uncertainty": { "before": ["may"], "after": ["is suspected"] },
              "pseudo": ["no one ** knew"], "terminators": ["but"], "otherPerson": ["her friend"], "youth": ["she"], "listJoiners": ["and", "or"], "window": 6 }
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

    [Theory]
    [InlineData("The phone would not unlock, and a hotel key was in her bag.")]
    [InlineData("Denies school problems, she has a hotel key.")]
    [InlineData("Would not say, a hotel key card was in the bag.")]
    public void Comma_BeginningAnotherClause_EndsTheDenial(string note)
    {
        var finding = Assert.Single(Scanner("older boyfriend").Scan(note));

        Assert.Equal((FindingStatus.Present, null), (finding.Status, finding.Cue));
    }

    [Theory]
    [InlineData("Denies an older boyfriend, hotel keys or cash.")]
    [InlineData("Denies drugs, an older boyfriend, or hotel keys.")]
    [InlineData("Denies drugs, alcohol or hotel keys.")]
    [InlineData("Denies drugs, alcohol, hotel keys.")]
    [InlineData("Older boyfriend, hotel keys: none.")]
    public void Comma_InAList_KeepsTheDenialOnEveryItem(string note)
    {
        var findings = Scanner("older boyfriend").Scan(note);

        Assert.Contains(findings, f => f.Indicator == "hotel-keys");
        Assert.All(findings, f => Assert.Equal(FindingStatus.Negated, f.Status));
    }

    [Fact]
    public void Comma_AroundAnAppositive_KeepsTheMentionOnTheOtherPerson()
    {
        var scanner = Scanner("older boyfriend");

        Assert.Empty(scanner.Scan("Her friend, Dana, has an older boyfriend."));
        Assert.Equal(FindingStatus.Present, Assert.Single(scanner.Scan("Dana, her friend, says she has hotel keys; the youth has an older boyfriend."),
            f => f.Indicator == "older-partner").Status);
    }

    [Fact]
    public void Comma_BetweenDigits_IsPartOfTheNumber()
    {
        var finding = Assert.Single(Scanner("older boyfriend").Scan("Denies $1,000 or hotel keys."));

        Assert.Equal(FindingStatus.Negated, finding.Status);
    }

    [Fact]
    public void OtherPerson_TellingItOfTheYouth_IsHearsaySoUncertain()
    {
        var scanner = Scanner("older boyfriend");

        var told = Assert.Single(scanner.Scan("Her friend says she has an older boyfriend."));

        Assert.Equal((FindingStatus.Uncertain, "Her friend"), (told.Status, told.Cue));
        Assert.Empty(scanner.Scan("Her friend has an older boyfriend."));
        Assert.Empty(scanner.Scan("She says her friend has an older boyfriend."));
    }

    [Theory]
    [InlineData("He buys her clothes.", true)]
    [InlineData("He bought her new clothes.", true)]
    [InlineData("He bought her a lot of clothes.", true)]
    [InlineData("He bought her a whole lot of clothes.", false)]
    [InlineData("He bought her. Clothes were new.", false)]
    public void Gap_SkipsUpToThreeWordsWithinTheSentence(string note, bool found)
    {
        var findings = Scanner("buy* her ** clothes", "bought her ** clothes").Scan(note);

        Assert.Equal(found, findings.Count == 1);
    }

    [Fact]
    public void Gap_MatchSpansTheSkippedWords_AndTheDenialReachesIt()
    {
        var finding = Assert.Single(Scanner("bought her ** clothes").Scan("Denies he bought her any new clothes."));

        Assert.Equal(("bought her any new clothes", FindingStatus.Negated), (finding.Text, finding.Status));
    }

    [Theory]
    [InlineData("No one saw an older boyfriend.", FindingStatus.Negated)]
    [InlineData("No one knew she had an older boyfriend.", FindingStatus.Present)]
    [InlineData("No one at her school knew she had an older boyfriend.", FindingStatus.Present)]
    public void Gap_InAPseudoTrigger_MasksTheNegationItHolds(string note, FindingStatus status)
    {
        Assert.Equal(status, Assert.Single(Scanner("older boyfriend").Scan(note)).Status);
    }
}
