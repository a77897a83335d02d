namespace Beacon.Core.Analytics;

/// <summary>A family of counts that share their places and periods: screens by level, intake by source, and so on.</summary>
/// <param name="Id">The family's key part (<c>level</c>).</param>
/// <param name="Leaves">The categories counted directly (<c>none</c>, <c>possible</c>, <c>clear</c>).</param>
/// <param name="Totals">
/// Categories that are sums of others, in the order they can be computed: (<c>*</c>, [none, possible, clear]).
/// A total may name parts that are themselves totals; a category may be the total of several relations (services:
/// all kinds and all outcomes).
/// </param>
/// <param name="ByAgency">Whether places go down to agencies (screens) or stop at the county (intake).</param>
/// <param name="TotalsShareWith">
/// Another family whose totals are the same counts (screens by level and screens by age band both sum to the
/// screens): their totals are then one cell, so that the two tables are suppressed as one linked table.
/// </param>
public sealed record FigureFamily(
    string Id, IReadOnlyList<string> Leaves, IReadOnlyList<(string Total, IReadOnlyList<string> Parts)> Totals, bool ByAgency,
    string? TotalsShareWith = null)
{
    public const string All = "*";

    /// <summary>A family of exclusive categories with one total over them.</summary>
    public static FigureFamily Exclusive(string id, IReadOnlyList<string> leaves, bool byAgency, string? totalsShareWith = null) =>
        new(id, leaves, [(All, leaves)], byAgency, totalsShareWith);

    /// <summary>Categories that are not exclusive (a screen records many items): no total over them.</summary>
    public static FigureFamily Independent(string id, IReadOnlyList<string> leaves, bool byAgency) => new(id, leaves, [], byAgency);

    public IEnumerable<string> Categories => Leaves.Concat(Totals.Select(t => t.Total)).Distinct(StringComparer.Ordinal);
}

/// <summary>A county and its agencies, as the figures' places.</summary>
public sealed record FigurePlace(string County, IReadOnlyList<Guid> Agencies);

/// <summary>A counted leaf: so many records of a family's category, in a month, at a county (and agency).</summary>
public readonly record struct FigureCount(string Family, int Month, string County, Guid? Agency, string Category, long Count);

/// <summary>
/// A quarter's figures as one cube (ADR-011): every family × period (its closed months, and the quarter once all
/// three are closed) × place (all counties, each county, each agency) × category, with every margin a cell of its
/// own and every sum a relation, so that one suppression covers every table, chart and export cut from it.
/// </summary>
public sealed class FigureCube
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly List<long> _counts = [];
    private readonly List<(int Total, int[] Parts)> _relations = [];
    private readonly HashSet<string> _relationKeys = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Keys => _keys;
    public IReadOnlyList<long> Counts => _counts;
    public IReadOnlyList<(int Total, int[] Parts)> Relations => _relations;

    public int IndexOf(string key) => _index.TryGetValue(key, out var i) ? i : -1;

    public static string Key(string family, string period, string place, string category) => $"{family}|{period}|{place}|{category}";

    public static string PeriodKey(int month) => FigureMonth.Key(month);

    public static string QuarterPeriodKey(int quarter) => FigureMonth.QuarterKey(quarter);

    public static string PlaceKey(Guid agency) => agency.ToString("N");

    /// <summary>
    /// Builds the cube of <paramref name="months"/> (closed months of one quarter, in order); the quarter is a period
    /// of its own when <paramref name="quarterComplete"/>. Counts outside the months or places given are refused.
    /// </summary>
    public static FigureCube Build(
        IReadOnlyList<FigureFamily> families, int quarter, IReadOnlyList<int> months, bool quarterComplete,
        IReadOnlyList<FigurePlace> places, IEnumerable<FigureCount> counts)
    {
        var cube = new FigureCube();
        var byFamily = families.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var periods = months.Select(PeriodKey).ToList();
        var quarterKey = quarterComplete ? QuarterPeriodKey(quarter) : null;
        var leaves = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            if (!byFamily.TryGetValue(c.Family, out var family) || !family.Leaves.Contains(c.Category) || !months.Contains(c.Month))
            {
                throw new ArgumentException($"A count outside the cube: {c}.", nameof(counts));
            }

            var place = family.ByAgency ? c.Agency is { } a ? PlaceKey(a) : throw new ArgumentException($"A count without its agency: {c}.", nameof(counts)) : c.County;
            var key = Key(c.Family, PeriodKey(c.Month), place, c.Category);
            leaves[key] = leaves.GetValueOrDefault(key) + c.Count;
        }

        foreach (var family in families)
        {
            cube.AddFamily(family, periods, quarterKey, places, leaves, byFamily);
        }

        return cube;
    }

    private void AddFamily(
        FigureFamily family, List<string> periods, string? quarterKey, IReadOnlyList<FigurePlace> places,
        Dictionary<string, long> leaves, Dictionary<string, FigureFamily> families)
    {
        // A shared total is written under the family that owns it, so both families name the same cell.
        string Name(string category) =>
            category == FigureFamily.All && family.TotalsShareWith is { } owner && families.ContainsKey(owner) ? owner : family.Id;
        string Cell(string period, string place, string category) => Key(Name(category), period, place, category);

        var placeKeys = new List<(string Place, List<string> Children)>();
        foreach (var p in places)
        {
            placeKeys.Add((p.County, family.ByAgency ? p.Agencies.Select(PlaceKey).ToList() : []));
        }

        var allPeriods = quarterKey is null ? periods : [.. periods, quarterKey];
        foreach (var period in allPeriods)
        {
            var bottom = family.ByAgency ? placeKeys.SelectMany(p => p.Children) : placeKeys.Select(p => p.Place);
            foreach (var place in bottom)
            {
                foreach (var leaf in family.Leaves)
                {
                    var value = period == quarterKey
                        ? periods.Sum(m => leaves.GetValueOrDefault(Key(family.Id, m, place, leaf)))
                        : leaves.GetValueOrDefault(Key(family.Id, period, place, leaf));
                    Add(Cell(period, place, leaf), value);
                }
            }

            foreach (var (county, children) in placeKeys.Where(_ => family.ByAgency))
            {
                foreach (var leaf in family.Leaves)
                {
                    Sum(Cell(period, county, leaf), children.Select(a => Cell(period, a, leaf)));
                }
            }

            foreach (var leaf in family.Leaves)
            {
                Sum(Cell(period, FigureFamily.All, leaf), placeKeys.Select(p => Cell(period, p.Place, leaf)));
            }

            var everyPlace = new List<string> { FigureFamily.All };
            everyPlace.AddRange(placeKeys.Select(p => p.Place));
            everyPlace.AddRange(placeKeys.SelectMany(p => p.Children));
            foreach (var place in everyPlace)
            {
                foreach (var (total, parts) in family.Totals)
                {
                    Sum(Cell(period, place, total), parts.Select(c => Cell(period, place, c)));
                }
            }
        }

        if (quarterKey is not null)
        {
            // The quarter is the sum of its months for every place and category, totals included.
            foreach (var key in _keys.Where(k => k.StartsWith(family.Id + "|" + quarterKey + "|", StringComparison.Ordinal)
                || (Name(FigureFamily.All) != family.Id && k.StartsWith(Name(FigureFamily.All) + "|" + quarterKey + "|", StringComparison.Ordinal))).ToList())
            {
                var rest = key[(key.IndexOf('|', StringComparison.Ordinal) + quarterKey.Length + 1)..];
                var head = key[..key.IndexOf('|', StringComparison.Ordinal)];
                Relate(key, periods.Select(m => $"{head}|{m}{rest}"));
            }
        }
    }

    /// <summary>A total: its value is the sum of its parts (already in the cube); the relation is recorded once.</summary>
    private void Sum(string total, IEnumerable<string> parts)
    {
        var indices = parts.Select(p => _index[p]).ToArray();
        var sum = indices.Sum(i => _counts[i]);
        if (!_index.TryGetValue(total, out var existing))
        {
            Add(total, sum);
        }
        else if (_counts[existing] != sum)
        {
            // Two families sharing a total must count the same records (an "unknown" category keeps them equal).
            throw new ArgumentException($"{total} is {_counts[existing]} in one family and {sum} in another.");
        }

        AddRelation(_index[total], indices);
    }

    private void Relate(string total, IEnumerable<string> parts) => AddRelation(_index[total], parts.Select(p => _index[p]).ToArray());

    private void AddRelation(int total, int[] parts)
    {
        if (_relationKeys.Add($"{total}={string.Join('+', parts)}"))
        {
            _relations.Add((total, parts));
        }
    }

    private void Add(string key, long value)
    {
        if (_index.ContainsKey(key))
        {
            return;
        }

        _index[key] = _keys.Count;
        _keys.Add(key);
        _counts.Add(value);
    }
}
