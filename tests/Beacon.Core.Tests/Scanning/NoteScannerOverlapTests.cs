using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>
/// Where phrases overlap: two items' phrases may share words, one item's may not, and an ignored ordinary wording
/// hides the item's phrase it contains.
/// </summary>
public sealed class NoteScannerOverlapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("beacon-overlap-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private NoteScanner Scanner(string ignore = "")
    {
        var lexicon = Path.Combine(_dir, "lexicon.en.json");
        File.WriteAllText(lexicon, $$"""
            { "language": "en", "terms": [
              { "indicator": "blackmail-exposure", "phrases": ["threatened to post", "threatened to post her pictures"] },
              { "indicator": "abuse-material", "phrases": ["post * pictures", "nude pictures"] },
              { "indicator": "branding-tattoos", "phrases": ["tattoo", "tattoo of his name"] } ],
              "ignore": [{{ignore}}] }
            """);
        var cues = Path.Combine(_dir, "cues.en.json");
        File.WriteAllText(cues, """
            { "language": "en", "negation": { "before": ["denies"], "after": [] }, "uncertainty": { "before": [], "after": [] },
              "pseudo": [], "terminators": [], "otherPerson": [], "youth": [], "listJoiners": [], "window": 6 }
            """);
        return new NoteScanner(ScannerLexicon.Load(lexicon), ScannerCues.Load(cues));
    }

    [Fact]
    public void PhrasesOfTwoItems_OverlappingInPart_AreBothFound()
    {
        var findings = Scanner().Scan("He threatened to post nude pictures online.");

        Assert.Equal([("blackmail-exposure", "threatened to post"), ("abuse-material", "post nude pictures")],
            findings.Select(f => (f.Indicator, f.Text)));
    }

    [Fact]
    public void Phrase_WhollyInsideALongerOne_IsDropped()
    {
        var finding = Assert.Single(Scanner().Scan("He threatened to post her pictures."));

        Assert.Equal(("blackmail-exposure", "threatened to post her pictures"), (finding.Indicator, finding.Text));
    }

    [Fact]
    public void PhrasesOfOneItem_Overlapping_KeepTheLonger()
    {
        var finding = Assert.Single(Scanner().Scan("She has a tattoo of his name."));

        Assert.Equal("tattoo of his name", finding.Text);
    }

    [Fact]
    public void IgnoredWording_HidesTheItemPhraseItContains()
    {
        var scanner = Scanner("\"get a tattoo\"");

        Assert.Empty(scanner.Scan("She asked to get a tattoo when she turns 18."));
        Assert.Equal("tattoo", Assert.Single(scanner.Scan("She has a new tattoo.")).Text);
    }

    [Theory]
    [InlineData("\"tattoo\"", "is under branding-tattoos")]
    [InlineData("\"get a tattoo\", \"get a tattoo\"", "listed twice")]
    [InlineData("\"Get a tattoo\"", "uppercase")]
    public void IgnoredWording_Malformed_IsRefused(string ignore, string why)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Scanner(ignore));

        Assert.Contains("lexicon.en.json: ignore[", ex.Message);
        Assert.Contains(why, ex.Message);
    }
}
