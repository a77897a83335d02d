using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>A lexicon's word classes: a phrase naming <c>@class</c> is each of the class's alternatives.</summary>
public sealed class PhraseClassesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("beacon-classes-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private ScannerLexicon Load(string classes, string phrases, string more = "")
    {
        var path = Path.Combine(_dir, "lexicon.test.json");
        File.WriteAllText(path, $$"""
            { "language": "en", "classes": { {{classes}} }, "terms": [
              { "indicator": "gifts-affection", "phrases": [{{phrases}}] }{{more}} ] }
            """);
        return ScannerLexicon.Load(path);
    }

    [Fact]
    public void Load_PhraseNamingClasses_IsEveryCombination()
    {
        var lexicon = Load("""
            "buy": ["buy*", "bought", "pays for"], "gift": ["clothes", "her nails"]
            """, "\"@buy her ** @gift\"");

        Assert.Equal(
            ["buy* her ** clothes", "buy* her ** her nails", "bought her ** clothes", "bought her ** her nails",
             "pays for her ** clothes", "pays for her ** her nails"],
            lexicon.Terms["gifts-affection"].Select(p => p.Text));
    }

    [Fact]
    public void Load_ClassSpellingOutAPhraseTheIdHas_KeepsItOnce()
    {
        var lexicon = Load("\"gift\": [\"shoes\", \"clothes\"]", "\"bought her shoes\", \"bought her @gift\"");

        Assert.Equal(["bought her shoes", "bought her clothes"], lexicon.Terms["gifts-affection"].Select(p => p.Text));
    }

    [Fact]
    public void Load_ClassSpellingOutAnotherIdsPhrase_IsRefusedNamingBoth()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Load("\"gift\": [\"phone\", \"clothes\"]", "\"bought her @gift\"",
            """, { "indicator": "multiple-phones", "phrases": ["bought her phone"] }"""));

        Assert.Contains("terms[1] (multiple-phones)", ex.Message);
        Assert.Contains("already under gifts-affection", ex.Message);
    }

    [Theory]
    [InlineData("\"gift\": [\"clothes\"]", "\"bought her @gifts\"", "no class \"gifts\"")]
    [InlineData("\"gift\": [\"new @gift\"]", "\"bought her @gift\"", "cannot name a class")]
    [InlineData("\"gift\": []", "\"bought her @gift\"", "no alternatives")]
    [InlineData("\"Gift\": [\"clothes\"]", "\"bought her clothes\"", "class name")]
    [InlineData("\"gift\": [\"clothes\", \"Clothes\"]", "\"bought her @gift\"", "uppercase")]
    [InlineData("\"gift\": [\"clothes\", \"clothes\"]", "\"bought her @gift\"", "listed twice")]
    public void Load_MalformedClassOrUse_IsRefusedNamingWhere(string classes, string phrases, string why)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Load(classes, phrases));

        Assert.Contains("lexicon.test.json", ex.Message);
        Assert.Contains(why, ex.Message);
    }

    [Fact]
    public void Load_PhraseMakingTooManyCombinations_IsRefused()
    {
        var many = string.Join(", ", Enumerable.Range(0, 50).Select(i => $"\"w{i}\""));

        var ex = Assert.Throws<InvalidDataException>(() => Load($"\"a\": [{many}], \"b\": [{many}]", "\"@a her @b\""));

        Assert.Contains("more than 2,000 phrases", ex.Message);
    }

    [Fact]
    public void Scan_PhraseFromAClass_MatchesEachAlternative()
    {
        var lexicon = Load("\"gift\": [\"clothes\", \"her nails done\"]", "\"bought her ** @gift\"");
        var cuesPath = Path.Combine(_dir, "cues.en.json");
        File.WriteAllText(cuesPath, """
            { "language": "en", "negation": { "before": ["denies"], "after": [] }, "uncertainty": { "before": [], "after": [] },
              "pseudo": [], "terminators": [], "otherPerson": [], "youth": [], "listJoiners": [], "window": 6 }
            """);
        var scanner = new NoteScanner(lexicon, ScannerCues.Load(cuesPath));

        Assert.Equal("bought her new clothes", Assert.Single(scanner.Scan("He bought her new clothes.")).Text);
        Assert.Equal("bought her her nails done", Assert.Single(scanner.Scan("He bought her her nails done.")).Text);
    }
}
