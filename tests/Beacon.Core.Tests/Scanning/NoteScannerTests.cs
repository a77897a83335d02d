using Beacon.Core.Scanning;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The matching engine over the shipped lexicons and cue lists (all notes here are synthetic).</summary>
public sealed class NoteScannerTests
{
    private static readonly Lazy<NoteScanners> Scanners = new(() => NoteScanners.Load(ScannerContent.Folder));

    private static IReadOnlyList<Finding> Scan(string language, string text) => Scanners.Value.For(language).Scan(text);

    private static Finding Single(string language, string text, string indicator)
    {
        var findings = Scan(language, text).Where(f => f.Indicator == indicator).ToList();
        Assert.True(findings.Count == 1, $"{findings.Count} findings of {indicator} in \"{text}\"");
        return findings[0];
    }

    [Theory]
    [InlineData("en", "She has two phones.", "multiple-phones", "two phones")]
    [InlineData("en", "Ran away three times last year.", "chronic-runaway", "Ran away three times")]
    [InlineData("es", "Tiene un novio de 25 años.", "older-partner", "novio de 25 años")]
    [InlineData("en", "Discussed in case conference: she has two phones.", "multiple-phones", "two phones")]
    public void Scan_AssertedMention_IsPresentWithItsSpan(string language, string text, string indicator, string matched)
    {
        var finding = Single(language, text, indicator);

        Assert.Equal(FindingStatus.Present, finding.Status);
        Assert.Equal(matched, finding.Text);
        Assert.Equal(matched, text[finding.Start..finding.End]);
        Assert.Null(finding.Cue);
    }

    [Theory]
    [InlineData("en", "Denies having an older boyfriend.", "older-partner", "Denies")]
    [InlineData("en", "No injuries noted.", "unexplained-injuries", "No")]
    [InlineData("es", "No se observaron tatuajes.", "branding-tattoos", "No se observaron")]
    [InlineData("es", "Niega tener dos celulares.", "multiple-phones", "Niega")]
    [InlineData("es", "Dos celulares no se encontraron.", "multiple-phones", "no se encontraron")]
    [InlineData("en", "i dont see any bruises on her.", "unexplained-injuries", "dont")]
    [InlineData("en", "She left without her second phone.", "multiple-phones", "without")]
    [InlineData("es", "Regresó a casa sin el segundo celular.", "multiple-phones", "sin")]
    public void Scan_NegatedMention_IsNegatedByItsCue(string language, string text, string indicator, string cue)
    {
        var finding = Single(language, text, indicator);

        Assert.Equal(FindingStatus.Negated, finding.Status);
        Assert.Equal(cue, finding.Cue);
    }

    [Theory]
    [InlineData("en", "Worried she may be staying at a motel.", "runaway-homeless", "may")]
    [InlineData("en", "Told her to call if he offers her a ride.", "gifts-affection", "if")]
    [InlineData("en", "Asked whether anyone bought her a phone.", "gifts-affection", "Asked whether")]
    [InlineData("en", "Not sure whether she has a pimp.", "third-party-benefit", "Not sure whether")]
    [InlineData("es", "Tal vez tiene dos celulares.", "multiple-phones", "Tal vez")]
    [InlineData("es", "Le preocupa que tenga un novio mayor.", "older-partner", "Le preocupa que")]
    [InlineData("en", "i think somebody is pimping her out.", "third-party-benefit", "i think")]
    public void Scan_HypotheticalOrAskedMention_IsUncertain(string language, string text, string indicator, string cue)
    {
        var finding = Single(language, text, indicator);

        Assert.Equal(FindingStatus.Uncertain, finding.Status);
        Assert.Equal(cue, finding.Cue);
    }

    [Fact]
    public void Scan_UncertaintyNearerThanNegation_IsUncertain()
    {
        // "does not" (negation) is further from "pimp" than "if" (uncertainty).
        var finding = Single("en", "She does not know if she has a pimp.", "third-party-benefit");

        Assert.Equal(FindingStatus.Uncertain, finding.Status);
        Assert.Equal("if", finding.Cue);
    }

    [Fact]
    public void Scan_NegationNearerThanUncertainty_IsNegated()
    {
        var finding = Single("en", "Maybe she said she does not have two phones.", "multiple-phones");

        Assert.Equal(FindingStatus.Negated, finding.Status);
        Assert.Equal("does not", finding.Cue);
    }

    [Fact]
    public void Scan_TerminatorBetweenNegationAndTerm_IsPresent()
    {
        const string text = "Denies drug use but has two phones.";
        var finding = Single("en", text, "multiple-phones");

        Assert.Equal(FindingStatus.Present, finding.Status);
        Assert.Equal(text.IndexOf("two phones", StringComparison.Ordinal), finding.Start);
        Assert.Equal(text.IndexOf("two phones", StringComparison.Ordinal) + "two phones".Length, finding.End);
    }

    [Fact]
    public void Scan_PseudoTrigger_DoesNotNegateWhatFollows()
    {
        // Without "no longer" masked, "no" would reach "couch surfing" four words on.
        var finding = Single("en", "She no longer lives at home, couch surfing with friends.", "runaway-homeless");

        Assert.Equal(FindingStatus.Present, finding.Status);
        Assert.Equal("couch surfing", finding.Text);
    }

    [Fact]
    public void Scan_PlainNegationInTheSamePlace_Negates()
    {
        var finding = Single("en", "She is not couch surfing.", "runaway-homeless");

        Assert.Equal(FindingStatus.Negated, finding.Status);
    }

    [Theory]
    [InlineData("en", "Her friend has an older boyfriend.")]
    [InlineData("es", "Su hermana tiene un novio mayor.")]
    public void Scan_MentionAboutSomeoneElse_IsNotReported(string language, string text) =>
        Assert.Empty(Scan(language, text));

    [Fact]
    public void Scan_NegationInAnEarlierSentence_DoesNotReachTheNext()
    {
        var finding = Single("en", "She denies drugs. She has two phones.", "multiple-phones");

        Assert.Equal(FindingStatus.Present, finding.Status);
    }

    [Fact]
    public void Scan_TriggerWordInsideTheTerm_DoesNotNegateIt()
    {
        Assert.Equal(FindingStatus.Present, Single("es", "Está sin hogar desde marzo.", "runaway-homeless").Status);
        Assert.Equal(FindingStatus.Present, Single("en", "She has no papers.", "undocumented-status").Status);
    }

    [Fact]
    public void Scan_LongerOverlappingPhrase_Wins()
    {
        // "boyfriend is 10 years older" (older-partner) over anything shorter inside it.
        var findings = Scan("en", "Her boyfriend is 10 years older.");

        var finding = Assert.Single(findings);
        Assert.Equal("older-partner", finding.Indicator);
        Assert.Equal("boyfriend is 10 years older", finding.Text);
    }

    [Fact]
    public void Scan_AccentsAndCaseInTheNote_AreFolded()
    {
        var finding = Single("es", "Tiene DOS TELÉFONOS.", "multiple-phones");

        Assert.Equal("DOS TELÉFONOS", finding.Text);
    }

    [Fact]
    public void Scan_SpanishSiWithoutAccent_IsUncertain()
    {
        var finding = Single("es", "Si tiene dos celulares, avisar.", "multiple-phones");

        Assert.Equal(FindingStatus.Uncertain, finding.Status);
        Assert.Equal("Si", finding.Cue);
    }

    [Fact]
    public void Scan_SpanishSiWithAccent_IsPresent()
    {
        var finding = Single("es", "Sí tiene dos celulares.", "multiple-phones");

        Assert.Equal(FindingStatus.Present, finding.Status);
        Assert.Null(finding.Cue);
    }

    [Fact]
    public void Scan_DecimalNumber_DoesNotSplitTheSentence()
    {
        var finding = Single("en", "Denies 2.5 hours of two phones.", "multiple-phones");

        Assert.Equal(FindingStatus.Negated, finding.Status);
    }

    [Fact]
    public void Scan_ChecklistAnswer_NegatesItsItemAndNotTheNext()
    {
        var findings = Scan("en", "Tattoos: none, has two phones.");

        Assert.Equal(FindingStatus.Negated, findings.Single(f => f.Indicator == "branding-tattoos").Status);
        Assert.Equal(FindingStatus.Present, findings.Single(f => f.Indicator == "multiple-phones").Status);
    }

    [Fact]
    public void Scan_NoteWithoutPhrases_FindsNothing() =>
        Assert.Empty(Scan("en", "Met with the youth at school. She was calm and talked about soccer."));

    [Theory]
    [InlineData("Met with the youth at school today. She said she has been sleeping at a friend's house and denies drug use.", "en")]
    [InlineData("Se reunió con la joven en la escuela. Dice que se queda con una amiga y niega el uso de drogas.", "es")]
    [InlineData("", "en")]
    public void Detect_Note_GivesItsLanguage(string text, string language) =>
        Assert.Equal(language, ScannerLanguage.Detect(text));

    [Fact]
    public void Scan_NoLanguageGiven_DetectsItAndScansInIt()
    {
        var scan = Scanners.Value.Scan("La joven tiene dos celulares y no quiere decir por qué.");

        Assert.Equal("es", scan.Language);
        Assert.Equal("multiple-phones", Assert.Single(scan.Findings).Indicator);
    }

    [Fact]
    public void Scan_LanguageGiven_UsesIt()
    {
        var scan = Scanners.Value.Scan("She has two phones.", "en");

        Assert.Equal("en", scan.Language);
        Assert.Equal(FindingStatus.Present, Assert.Single(scan.Findings).Status);
    }
}
