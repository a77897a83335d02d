using System.Xml.Linq;
using Beacon.Core.Intake;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Intake;
using Beacon.Web.Tests.Security;

namespace Beacon.Web.Tests.Intake;

/// <summary>
/// The intake pages name sources, levels, statuses, reasons and ages by keys built from their enum values,
/// which the localization test cannot see in the source: every value has its key, in both languages.
/// </summary>
public sealed class IntakeLabelsTests
{
    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(LocalizationTests.RepositoryRoot(), "src", "Beacon.Web", "Resources", file))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    public static IEnumerable<string> EveryKey() =>
        Enum.GetValues<IntakeSource>().Select(IntakeLabels.Source)
            .Concat(Enum.GetValues<IntakeSource>().Select(s => "History.Received." + s))
            .Concat(Enum.GetValues<ConcernLevel>().Select(l => IntakeLabels.Level(l)).Append(IntakeLabels.Level(null)))
            .Concat(Enum.GetValues<IntakeStatus>().Select(IntakeLabels.Status))
            .Concat(Enum.GetValues<IntakeCloseReason>().Select(IntakeLabels.CloseReason))
            .Concat(Enum.GetValues<IntakeReopenReason>().Select(IntakeLabels.ReopenReason))
            .Concat(Enum.GetValues<AgeUnit>().Select(u => IntakeLabels.Age(new IntakeAge(5, u))).Append(IntakeLabels.Age(new IntakeAge(0, AgeUnit.Minutes))))
            .Concat(IndexModel.StatusFilters.Select(f => "Queue.Filter.Status." + f))
            .Concat(["Call.Field.CallerName", "Call.Field.CallerRole", "Call.Field.CallerPhone", "Call.Field.Taken", "Call.Field.Summary"]);

    [Theory]
    [InlineData("IntakeResource.resx")]
    [InlineData("IntakeResource.es.resx")]
    public void Labels_EveryEnumValue_HasItsKey(string file)
    {
        var missing = EveryKey().Except(Keys(file)).ToList();

        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
    }
}
