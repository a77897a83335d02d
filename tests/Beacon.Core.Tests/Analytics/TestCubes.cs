using Beacon.Core.Analytics;
using CsCheck;

namespace Beacon.Core.Tests.Analytics;

/// <summary>One member of a cube dimension: the leaves of one attribute of the microdata it counts.</summary>
internal sealed record Element(int Attribute, int[] Leaves);

/// <summary>A dimension: its members and which members sum which (parent = Σ children).</summary>
internal sealed record Dimension(Element[] Elements, (int Parent, int[] Children)[] Sums)
{
    /// <summary>k categories on one attribute and their total (last).</summary>
    public static Dimension Flat(int k, int attribute) => new(
        [.. Enumerable.Range(0, k).Select(i => new Element(attribute, [i])), new Element(attribute, [.. Enumerable.Range(0, k)])],
        [(k, [.. Enumerable.Range(0, k)])]);

    /// <summary>Agencies (leaves), counties (each its agencies), then the county group (the counties).</summary>
    public static Dimension Hierarchy(int[] agenciesPerCounty, int attribute)
    {
        var elements = new List<Element>();
        var sums = new List<(int, int[])>();
        var agency = 0;
        var countyIndices = new List<int>();
        var agencyIndices = new List<int[]>();
        foreach (var count in agenciesPerCounty)
        {
            var mine = Enumerable.Range(agency, count).ToArray();
            agencyIndices.Add([.. mine.Select(a => elements.Count + Array.IndexOf(mine, a))]);
            elements.AddRange(mine.Select(a => new Element(attribute, [a])));
            agency += count;
        }

        for (var c = 0; c < agenciesPerCounty.Length; c++)
        {
            countyIndices.Add(elements.Count);
            sums.Add((elements.Count, agencyIndices[c]));
            elements.Add(new Element(attribute, [.. agencyIndices[c].Select(i => elements[i].Leaves[0])]));
        }

        sums.Add((elements.Count, [.. countyIndices]));
        elements.Add(new Element(attribute, [.. Enumerable.Range(0, agency)]));
        return new Dimension([.. elements], [.. sums]);
    }

    /// <summary>Category families (each its own attribute) sharing one total (last): linked tables.</summary>
    public static Dimension Linked(params (int Size, int Attribute)[] families)
    {
        var elements = new List<Element>();
        var groups = new List<int[]>();
        foreach (var (size, attribute) in families)
        {
            groups.Add([.. Enumerable.Range(elements.Count, size)]);
            elements.AddRange(Enumerable.Range(0, size).Select(i => new Element(attribute, [i])));
        }

        var total = elements.Count;
        elements.Add(new Element(families[0].Attribute, [.. Enumerable.Range(0, families[0].Size)]));
        return new Dimension([.. elements], [.. groups.Select(g => (total, g))]);
    }

    /// <summary>Months in quarters and a year over them (months attribute).</summary>
    public static Dimension Year(int attribute)
    {
        var elements = Enumerable.Range(0, 12).Select(m => new Element(attribute, [m])).ToList();
        var sums = new List<(int, int[])>();
        for (var q = 0; q < 4; q++)
        {
            sums.Add((elements.Count, [q * 3, (q * 3) + 1, (q * 3) + 2]));
            elements.Add(new Element(attribute, [q * 3, (q * 3) + 1, (q * 3) + 2]));
        }

        sums.Add((elements.Count, [12, 13, 14, 15]));
        elements.Add(new Element(attribute, [.. Enumerable.Range(0, 12)]));
        return new Dimension([.. elements], [.. sums]);
    }
}

/// <summary>A cube of counts built from microdata weights, flattened, with every margin's relation.</summary>
internal sealed record Cube(long[] Counts, LinearRelation[] Relations, Dimension[] Dimensions)
{
    public int[] Shape => [.. Dimensions.Select(d => d.Elements.Length)];

    public int Index(params int[] coordinates)
    {
        var index = 0;
        for (var d = 0; d < coordinates.Length; d++)
        {
            index = (index * Shape[d]) + coordinates[d];
        }

        return index;
    }

    public int[] Coordinates(int index)
    {
        var shape = Shape;
        var coordinates = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            coordinates[d] = index % shape[d];
            index /= shape[d];
        }

        return coordinates;
    }

    public override string ToString() =>
        $"Cube {string.Join("×", Shape)}: counts [{string.Join(",", Counts)}]";

    /// <summary>
    /// Builds the cube: <paramref name="weights"/> are counts of the microdata over every combination of
    /// attribute leaves (attribute 0 varying slowest); a cell counts the combinations its members contain.
    /// </summary>
    public static Cube Build(int[] attributeSizes, Dimension[] dimensions, long[] weights)
    {
        var shape = dimensions.Select(d => d.Elements.Length).ToArray();
        var cellCount = shape.Aggregate(1, (a, b) => a * b);
        var counts = new long[cellCount];
        var leaf = new int[attributeSizes.Length];
        var cube = new Cube(counts, [], dimensions);
        var sets = dimensions.Select(d => d.Elements.Select(e => e.Leaves.ToHashSet()).ToArray()).ToArray();
        for (var w = 0; w < weights.Length; w++)
        {
            if (weights[w] == 0)
            {
                continue;
            }

            var rest = w;
            for (var a = attributeSizes.Length - 1; a >= 0; a--)
            {
                leaf[a] = rest % attributeSizes[a];
                rest /= attributeSizes[a];
            }

            // Every cell whose members all contain this leaf combination counts it.
            var members = dimensions.Select((d, i) =>
                Enumerable.Range(0, d.Elements.Length).Where(e => sets[i][e].Contains(leaf[d.Elements[e].Attribute])).ToArray()).ToArray();
            foreach (var combination in Product(members))
            {
                counts[cube.Index(combination)] += weights[w];
            }
        }

        return cube with { Relations = Relate(cube) };
    }

    private static LinearRelation[] Relate(Cube cube)
    {
        var relations = new List<LinearRelation>();
        var shape = cube.Shape;
        for (var d = 0; d < shape.Length; d++)
        {
            var others = shape.Select((s, i) => i == d ? new[] { 0 } : Enumerable.Range(0, s).ToArray()).ToArray();
            foreach (var at in Product(others))
            {
                foreach (var (parent, children) in cube.Dimensions[d].Sums)
                {
                    int Cell(int e)
                    {
                        var c = (int[])at.Clone();
                        c[d] = e;
                        return cube.Index(c);
                    }

                    relations.Add(new LinearRelation(Cell(parent), [.. children.Select(Cell)]));
                }
            }
        }

        return [.. relations];
    }

    public static IEnumerable<int[]> Product(int[][] choices)
    {
        if (choices.Any(c => c.Length == 0))
        {
            yield break;
        }

        var pick = new int[choices.Length];
        while (true)
        {
            yield return [.. pick.Select((p, i) => choices[i][p])];
            var d = choices.Length - 1;
            while (d >= 0 && ++pick[d] == choices[d].Length)
            {
                pick[d--] = 0;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>Microdata weights skewed small, so that many cells land in 1..10 and some at 0.</summary>
    public static Gen<long> Weight(int spread) =>
        Gen.Frequency((4, Gen.Long[0, 2 * spread / 5]), (4, Gen.Long[0, spread]), (1, Gen.Long[spread, 3 * spread]));
}
