using System.Globalization;
using Beacon.Core.Reporting;

namespace Beacon.Core.Tests.Reporting;

public class WrittenReportPrefillTests
{
    private static readonly ReportingLaw Law = ReportingLaw.California;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly PrefillWords Words = new(
        "Result of the Beacon screen “{0}”: {1}", "Why:", "Risk factors noted:", "Beacon screen “{0}” completed {1} by {2}",
        "the reporter's own observation", "goes by {0}", "phone {0}");

    private static readonly ReporterFacts Counsellor = new("Ana Ruiz", "Placer Union High", "1 School Way, Auburn CA", "530-555-0100", "School counselor");

    private static readonly ScreenFinding Screen = new(
        "Full screen", "Clear concern", "11/24/2026", "Ana Ruiz",
        [new ScreenReason("Two signs of exploitation", [new IndicatorAnswer("Has hotel key cards", "Yes"), new IndicatorAnswer("Older partner", "Yes")])],
        ["In foster care"]);

    [Fact]
    public void Build_FromScreenAndCase_FillsReporterSuspicionChildAndGuardians()
    {
        var facts = new PrefillFacts(Counsellor, Screen,
            new ChildFacts("Ximena Ortega", "Xime", "2/27/2011", "12 Oak St, Auburn", "530-555-0101", "Placer Union High"),
            [new GuardianFacts("Rosa Ortega", "aunt", "530-555-0199"), new GuardianFacts("Luis Ortega", null, null)]);

        var draft = WrittenReportPrefill.Build(Law, facts, Words, English);

        Assert.Equal("Ana Ruiz", draft["reporter.name"]);
        Assert.Equal("1 School Way, Auburn CA", draft["reporter.address"]);
        Assert.Equal("530-555-0100", draft["reporter.phone"]);
        Assert.Equal("School counselor", draft["reporter.capacity"]);
        Assert.Equal(
            "Result of the Beacon screen “Full screen”: Clear concern\nWhy:\n- Two signs of exploitation\n  • Has hotel key cards: Yes\n" +
            "  • Older partner: Yes\nRisk factors noted:\n- In foster care", draft["suspicion.information"]);
        Assert.Equal("Beacon screen “Full screen” completed 11/24/2026 by Ana Ruiz; the reporter's own observation", draft["suspicion.sources"]);
        Assert.Equal("Ximena Ortega (goes by Xime)", draft["child.name"]);
        Assert.Equal("2/27/2011", draft["child.birthdate"]);
        Assert.Equal("12 Oak St, Auburn; phone 530-555-0101", draft["child.address"]);
        Assert.Equal("Placer Union High", draft["child.school"]);
        Assert.Equal("Rosa Ortega (aunt) — phone 530-555-0199\nLuis Ortega", draft["guardians"]);
        Assert.Empty(draft.MissingRequired(Law));
    }

    [Fact]
    public void Build_NoScreenNoCaseNewReporter_LeavesUnknownsEmptyAndTheAgencyForTheAddress()
    {
        var facts = new PrefillFacts(new ReporterFacts("Ana Ruiz", "Placer Union High", null, null, null), null, null, []);

        var draft = WrittenReportPrefill.Build(Law, facts, Words, English);

        Assert.Equal("Placer Union High", draft["reporter.address"]);
        Assert.Equal("the reporter's own observation", draft["suspicion.sources"]);
        Assert.Equal(
            ["reporter.phone", "reporter.capacity", "suspicion.information"],
            draft.MissingRequired(Law).Select(f => f.Id));
        foreach (var id in new[] { "child.name", "child.birthdate", "child.address", "child.location", "guardians", "suspect", "suspicion.narrative" })
        {
            Assert.False(draft.Has(id), id);
        }
    }

    [Fact]
    public void Build_PreferredNameSameAsLegalAndNoPlacement_NoRepetitionAndPhoneAlone()
    {
        var facts = new PrefillFacts(Counsellor, null, new ChildFacts("Sam Lee", "Sam Lee", null, null, "530-555-0102", null), []);

        var draft = WrittenReportPrefill.Build(Law, facts, Words, English);

        Assert.Equal("Sam Lee", draft["child.name"]);
        Assert.Equal("phone 530-555-0102", draft["child.address"]);
        Assert.False(draft.Has("child.birthdate"));
        Assert.False(draft.Has("guardians"));
    }

    [Fact]
    public void Suspicion_NoRuleFiredButRiskNoted_ListsOnlyTheRisk()
    {
        var screen = Screen with { Level = "Possible concern", Reasons = [] };

        var text = WrittenReportPrefill.Suspicion(screen, Words, English);

        Assert.Equal("Result of the Beacon screen “Full screen”: Possible concern\nRisk factors noted:\n- In foster care", text);
    }

    [Fact]
    public void Build_LawWithoutAField_WritesOnlyTheFieldsTheLawHas()
    {
        var law = Law with { Fields = Law.Fields.Where(f => f.Id != "child.school").ToList() };
        var facts = new PrefillFacts(Counsellor, null, new ChildFacts("Sam Lee", null, null, null, null, "Placer Union High"), []);

        var draft = WrittenReportPrefill.Build(law, facts, Words, English);

        Assert.False(draft.Has("child.school"));
        Assert.Equal("Sam Lee", draft["child.name"]);
    }
}
