using Beacon.Core.Content;
using Beacon.Core.Tests.Screening;
using Beacon.Core.Training;
using Xunit.Abstractions;

namespace Beacon.Core.Tests.Training;

/// <summary>The shipped courses (content/training) pass every check, and each course the issue names is there.</summary>
public sealed class TrainingContentTests(ITestOutputHelper output)
{
    public static readonly Lazy<TrainingLibrary> Shipped = new(() =>
    {
        var content = Path.Combine(TestInstruments.Root.Value, "content");
        var learn = ContentLoader.Load(Path.Combine(content, "learn"), TestInstruments.Catalog.Value);
        return TrainingLoader.Load(Path.Combine(content, "training"), learn, TestInstruments.Catalog.Value);
    });

    [Fact]
    public void ShippedCourses_Load_HaveNoProblems()
    {
        foreach (var problem in Shipped.Value.Problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(Shipped.Value.Problems);
    }

    [Fact]
    public void ShippedCourses_Listed_AreTheFiveInOrderWithThePublicOnesFirst()
    {
        Assert.Equal(["csec-basics", "recognising-csec", "risk-and-how-it-starts", "talking-with-youth", "duty-to-report"],
            Shipped.Value.Slugs);
        foreach (var language in ContentLoader.Languages)
        {
            Assert.Equal([true, true, true, false, false], Shipped.Value.InLanguage(language).Select(c => c.IsPublic));
        }
    }
}
