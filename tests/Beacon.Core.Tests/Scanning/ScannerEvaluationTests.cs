using Beacon.Core.Scanning;
using Beacon.Core.Scanning.Evaluation;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The corpus loader refuses labels that do not hold together; the evaluation counts what it says it counts.</summary>
public sealed class ScannerEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("beacon-corpus-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private ScannerCorpus Corpus(params string[] lines)
    {
        var path = Path.Combine(_dir, "notes.en.jsonl");
        File.WriteAllLines(path, lines);
        return ScannerCorpus.Load(path, ScannerContent.Catalog.Value);
    }

    private static string Note(string id, string text, string mentions) =>
        $$"""{"id":"{{id}}","kind":"case-note","text":"{{text}}","mentions":[{{mentions}}]}""";

    private static string Mention(string indicator, string status, string quote, int? occurrence = null) =>
        $$"""{"indicator":"{{indicator}}","status":"{{status}}","quote":"{{quote}}"{{(occurrence is { } o ? $",\"occurrence\":{o}" : "")}}}""";

    [Theory]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones.","mentions":[{"indicator":"no-such-item","status":"present","quote":"two phones"}]}""", "not in the catalog")]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones.","mentions":[{"indicator":"multiple-phones","status":"maybe","quote":"two phones"}]}""", "status \"maybe\"")]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones.","mentions":[{"indicator":"multiple-phones","status":"present","quote":"three phones"}]}""", "is not in the text")]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones.","mentions":[{"indicator":"multiple-phones","status":"present","quote":"two phones","occurrence":2}]}""", "occurrence 2")]
    [InlineData("""{"id":"a","kind":"memo","text":"Has two phones.","mentions":[]}""", "kind \"memo\"")]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones."}""", "mentions: missing")]
    [InlineData("""{"id":"a","kind":"case-note","text":"Has two phones.","mentions":[],"extra":1}""", "not valid JSON")]
    [InlineData("""not json""", "not valid JSON")]
    public void Load_BadLine_IsRefusedWithFileLineAndWhy(string line, string why)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Corpus(Note("ok", "Routine visit.", ""), line));

        Assert.Contains("notes.en.jsonl:2", ex.Message);
        Assert.Contains(why, ex.Message);
    }

    [Fact]
    public void Load_RepeatedId_IsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Corpus(Note("a", "Routine visit.", ""), Note("a", "Routine visit.", "")));

        Assert.Contains("notes.en.jsonl:2", ex.Message);
        Assert.Contains("used before", ex.Message);
    }

    [Fact]
    public void Load_Occurrence_PicksTheNthQuote()
    {
        var note = Corpus(Note("a", "two phones. Denies two phones.", Mention("multiple-phones", "negated", "two phones", 2))).Notes[0];

        Assert.Equal(19, note.Mentions[0].Start);
        Assert.Equal(29, note.Mentions[0].End);
    }

    // A scanner of its own, so that the counting is tested whatever the shipped lexicon becomes.
    private NoteScanner Scanner()
    {
        var lexicon = Path.Combine(_dir, "lexicon.en.json");
        File.WriteAllText(lexicon, """
            { "language": "en", "terms": [ { "indicator": "older-partner", "phrases": ["older boyfriend"] },
              { "indicator": "multiple-phones", "phrases": ["two phones"] }, { "indicator": "hotel-keys", "phrases": ["hotel key*"] } ] }
            """);
        var cues = Path.Combine(_dir, "cues.en.json");
        File.WriteAllText(cues, """
            { "language": "en", "negation": { "before": ["denies"], "after": [] }, "uncertainty": { "before": ["may"], "after": [] },
              "pseudo": [], "terminators": ["but"], "otherPerson": [], "youth": ["she"], "listJoiners": ["and", "or"], "window": 6 }
            """);
        return new NoteScanner(ScannerLexicon.Load(lexicon), ScannerCues.Load(cues));
    }

    [Fact]
    public void Evaluate_CountsHitsMissesFalseAlarmsAndDenialsReadAsPresent()
    {
        // a: one present mention found, one the scanner cannot know ("a pager"); b: a denial read right and a finding
        // nobody labelled; c: a mention labelled negated that the scanner reads present; d: two findings inside one
        // labelled mention count once.
        var corpus = Corpus(
            Note("a", "She has two phones. She has a pager.",
                Mention("multiple-phones", "present", "two phones") + "," + Mention("multiple-phones", "present", "a pager")),
            Note("b", "Denies an older boyfriend. Has a hotel key card.", Mention("older-partner", "negated", "older boyfriend")),
            Note("c", "Older boyfriend, she says.", Mention("older-partner", "negated", "Older boyfriend")),
            Note("d", "Has two phones, two phones.", Mention("multiple-phones", "present", "two phones, two phones")));

        var result = ScannerEvaluation.Evaluate(Scanner(), corpus, ScannerContent.Catalog.Value);

        Assert.Equal(new PresentScore(2, 2, 1), result.Present);
        Assert.Equal(new NotPresentScore(2, 1, 1), result.NotPresent[GoldStatus.Negated]);
        Assert.Equal(0.5, result.NegatedOrUncertain.ReportedPresentRate);
        Assert.Equal(new PresentScore(2, 2, 0), result.ItemsPerNote);
        Assert.Contains(result.Errors, e => e is { NoteId: "a", Kind: "missed", Indicator: "multiple-phones", Text: "a pager" });
        Assert.Contains(result.Errors, e => e is { NoteId: "b", Kind: "not in the labels", Indicator: "hotel-keys" });
        Assert.Contains(result.Errors, e => e is { NoteId: "c", Kind: "labelled negated", Indicator: "older-partner" });
        Assert.DoesNotContain(result.Errors, e => e.NoteId == "d");
        var report = EvaluationReport.Format([result], withErrors: true);
        Assert.Contains("en            all              2     2     1      0.500   0.667  0.571", report);
        Assert.Contains("en            per note         2     2     0      0.500   1.000  0.667", report);
    }
}
