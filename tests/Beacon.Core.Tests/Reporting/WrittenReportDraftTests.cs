using Beacon.Core.Reporting;

namespace Beacon.Core.Tests.Reporting;

public class WrittenReportDraftTests
{
    private static readonly ReportingLaw Law = ReportingLaw.California;

    [Fact]
    public void MissingRequired_OnlyOptionalFactsUnknown_NothingBlocksFiling()
    {
        var draft = new WrittenReportDraft
        {
            ["reporter.name"] = "Ana Ruiz",
            ["reporter.address"] = "1 School Way, Auburn CA",
            ["reporter.phone"] = "530-555-0100",
            ["reporter.capacity"] = "School counselor",
            ["suspicion.information"] = "Hotel key cards; an older boyfriend",
            ["suspicion.sources"] = "My own observation",
        };

        Assert.Empty(draft.MissingRequired(Law));
        Assert.False(draft.Has("child.grade"));
    }

    [Fact]
    public void MissingRequired_ReporterFactsBlank_NamesEachOne()
    {
        var draft = new WrittenReportDraft { ["reporter.name"] = "  ", ["suspicion.information"] = "x" };

        Assert.Equal(
            ["reporter.name", "reporter.address", "reporter.phone", "reporter.capacity", "suspicion.sources"],
            draft.MissingRequired(Law).Select(f => f.Id));
    }

    [Fact]
    public void ToJson_RoundTrips_TrimmedAndWithoutBlanks()
    {
        var draft = new WrittenReportDraft { ["child.name"] = "  Sam  ", ["child.grade"] = "", ["suspect"] = "Unknown man, 30s\nBlue car" };

        var back = WrittenReportDraft.FromJson(draft.ToJson());

        Assert.Equal("Sam", back["child.name"]);
        Assert.False(back.Has("child.grade"));
        Assert.Equal("Unknown man, 30s\nBlue car", back["suspect"]);
        Assert.Equal(draft.ToJson(), back.ToJson());
    }

    [Fact]
    public void TooLong_FieldPastItsLimit_IsNamed()
    {
        var draft = new WrittenReportDraft { ["child.grade"] = new string('9', 41) };

        Assert.Equal(["child.grade"], draft.TooLong(Law).Select(f => f.Id));
    }

    [Fact]
    public void ForState_California_HoldsThe36HourClockAndEveryRequiredFact()
    {
        var law = ReportingLaw.ForState("ca");

        Assert.Same(Law, law);
        Assert.Equal(36, law!.Clock.Hours);
        Assert.Null(ReportingLaw.ForState("NV"));
        Assert.Equal(6, law.Fields.Count(f => f.Required));
        Assert.Equal(law.Fields.Count, law.Fields.Select(f => f.Id).Distinct().Count());
    }
}
