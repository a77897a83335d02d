using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

public class FigureCubeTests
{
    private static readonly Guid A1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid A2 = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid B1 = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly FigurePlace[] Places = [new("placer", [A1, A2]), new("monterey", [B1])];
    private static readonly FigureFamily Level = FigureFamily.Exclusive("level", ["none", "possible", "clear"], byAgency: true);
    private static readonly FigureFamily Age = FigureFamily.Exclusive("age", ["12-13", "14-15", "unknown"], byAgency: true, totalsShareWith: "level");
    private static readonly FigureFamily Intake = FigureFamily.Exclusive("intake", ["tip", "call"], byAgency: false);

    private static long Value(FigureCube cube, string key) => cube.Counts[cube.IndexOf(key)] is var v && cube.IndexOf(key) >= 0 ? v : throw new KeyNotFoundException(key);

    [Fact]
    public void Build_EveryRelation_HoldsAndMarginsAreSums()
    {
        var cube = FigureCube.Build([Level, Age, Intake], 20264, [202610, 202611, 202612], quarterComplete: true, Places,
        [
            new("level", 202610, "placer", A1, "clear", 3), new("level", 202611, "placer", A2, "possible", 12),
            new("level", 202612, "monterey", B1, "none", 40), new("age", 202610, "placer", A1, "14-15", 3),
            new("age", 202611, "placer", A2, "unknown", 12), new("age", 202612, "monterey", B1, "12-13", 40),
            new("intake", 202611, "placer", null, "tip", 7), new("intake", 202612, "monterey", null, "call", 2),
        ]);

        foreach (var (total, parts) in cube.Relations)
        {
            Assert.Equal(cube.Counts[total], parts.Sum(p => cube.Counts[p]));
        }

        Assert.Equal(55, Value(cube, "level|2026-Q4|*|*"));
        Assert.Equal(15, Value(cube, "level|2026-Q4|placer|*"));
        Assert.Equal(3, Value(cube, $"level|2026-10|{FigureCube.PlaceKey(A1)}|clear"));
        Assert.Equal(9, Value(cube, "intake|2026-Q4|*|*"));
        // The age table's totals are the level table's cells: one cell, two sets of relations.
        Assert.Equal(-1, cube.IndexOf("age|2026-Q4|*|*"));
        var shared = cube.IndexOf("level|2026-10|placer|*");
        Assert.Contains(cube.Relations, r => r.Total == shared && r.Parts.Select(p => cube.Keys[p]).Contains("age|2026-10|placer|14-15"));
        Assert.Contains(cube.Relations, r => r.Total == shared && r.Parts.Select(p => cube.Keys[p]).Contains("level|2026-10|placer|clear"));
        // The quarter is the sum of its months for a total category too.
        var quarter = cube.IndexOf("level|2026-Q4|monterey|*");
        Assert.Contains(cube.Relations, r => r.Total == quarter && r.Parts.Length == 3);
    }

    [Fact]
    public void Build_QuarterNotComplete_HasNoQuarterCells()
    {
        var cube = FigureCube.Build([Level], 20264, [202610], quarterComplete: false, Places, [new("level", 202610, "placer", A1, "clear", 3)]);

        Assert.DoesNotContain(cube.Keys, k => k.Contains("Q4", StringComparison.Ordinal));
        Assert.Equal(3, Value(cube, "level|2026-10|*|*"));
    }

    [Fact]
    public void Build_SharedTotalsThatDisagree_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => FigureCube.Build([Level, Age], 20264, [202610], false, Places,
            [new("level", 202610, "placer", A1, "clear", 3), new("age", 202610, "placer", A1, "14-15", 2)]));

        Assert.Contains("in another", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CountOutsideTheCube_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => FigureCube.Build([Level], 20264, [202610], false, Places, [new("level", 202609, "placer", A1, "clear", 3)]));
        Assert.Throws<ArgumentException>(() => FigureCube.Build([Level], 20264, [202610], false, Places, [new("level", 202610, "placer", null, "clear", 3)]));
        Assert.Throws<ArgumentException>(() => FigureCube.Build([Level], 20264, [202610], false, Places, [new("level", 202610, "placer", A1, "*", 3)]));
    }
}
