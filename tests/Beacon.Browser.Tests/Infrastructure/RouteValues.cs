namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>One way to fill a page's route parameters, named for the failure report.</summary>
public sealed record RouteVariant(string Label, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Real values for route parameters. A key is either a parameter alone (<c>{token}</c>: any route)
/// or the start of a route, constraints left out (<c>admin/users/{id}</c>: that route and every route
/// below it), because <c>{id}</c> is a user under one path and a county under another. For each
/// parameter the longest key that covers it wins. Each variant of a key is checked as its own visit.
/// </summary>
public sealed class RouteValues : Dictionary<string, IReadOnlyList<RouteVariant>>
{
    public RouteValues() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>Values for the key's last parameter: <c>{token}</c>, <c>admin/users/{id}</c>, <c>admin/users/{id}/invitation</c>.</summary>
    public void Add(string key, params (string Label, string Value)[] values)
    {
        var start = key.LastIndexOf('{');
        var parameter = start < 0 ? throw new ArgumentException($"The key '{key}' names no parameter.", nameof(key))
            : key[(start + 1)..key.IndexOf('}', start)];
        Add(key, (IReadOnlyList<RouteVariant>)values.Select(v => new RouteVariant(v.Label, new Dictionary<string, string> { [parameter] = v.Value })).ToList());
    }

    /// <summary>Variants that each fill several parameters together (a contact and its county).</summary>
    public void Add(string key, params RouteVariant[] variants) => Add(key, (IReadOnlyList<RouteVariant>)variants);

    /// <summary>
    /// The page's parameters that no key gives a value for, optional ones too: a page such as
    /// <c>sheet/{county?}</c> shows something else with its parameter, and that must be checked as well
    /// (a variant whose value is empty checks the page without it).
    /// </summary>
    public IReadOnlyList<string> Unknown(DiscoveredPage page) => Resolve(page).Unknown;

    /// <summary>Every combination of the chosen keys' variants, with a label naming it.</summary>
    public IEnumerable<RouteVariant> Combinations(DiscoveredPage page)
    {
        IEnumerable<RouteVariant> combinations = [new RouteVariant("", new Dictionary<string, string>())];
        foreach (var key in Resolve(page).Keys)
        {
            combinations = combinations.SelectMany(c => this[key].Select(v => new RouteVariant(
                $"{c.Label} ({v.Label})", new Dictionary<string, string>(c.Values).Concat(v.Values).ToDictionary())));
        }

        return combinations;
    }

    private (List<string> Keys, List<string> Unknown) Resolve(DiscoveredPage page)
    {
        var segments = page.NormalizedRoute.Split('/');
        var keys = new List<string>();
        var unknown = new List<string>();
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in page.Pattern.Parameters.Where(p => !covered.Contains(p.Name)))
        {
            var at = Array.FindIndex(segments, s => s.Contains("{" + parameter.Name + "}", StringComparison.Ordinal));
            var key = Enumerable.Range(at + 1, segments.Length - at).Reverse()
                          .Select(n => string.Join('/', segments.Take(n)))
                          .FirstOrDefault(k => TryGetValue(k, out var v) && v.All(x => x.Values.ContainsKey(parameter.Name)))
                      ?? (ContainsKey("{" + parameter.Name + "}") ? "{" + parameter.Name + "}" : null);
            if (key is null)
            {
                unknown.Add(parameter.Name);
                continue;
            }

            keys.Add(key);
            covered.UnionWith(this[key].SelectMany(v => v.Values.Keys));
        }

        return (keys, unknown);
    }
}
