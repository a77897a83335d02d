namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Real values for route parameters, by name: each value is a variant of the page to check.</summary>
public sealed class RouteValues : Dictionary<string, IReadOnlyList<(string Label, string Value)>>
{
    public RouteValues() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>Every combination of the known values of the page's parameters, with a label naming the variant.</summary>
    public IEnumerable<(string Label, IReadOnlyDictionary<string, string> Values)> Combinations(DiscoveredPage page)
    {
        IEnumerable<(string Label, Dictionary<string, string> Values)> combos = [("", new Dictionary<string, string>())];
        foreach (var parameter in page.Pattern.Parameters.Select(p => p.Name).Where(ContainsKey))
        {
            combos = combos.SelectMany(c => this[parameter].Select(v =>
                ($"{c.Label} ({v.Label})", new Dictionary<string, string>(c.Values) { [parameter] = v.Value })));
        }

        return combos.Select(c => (c.Label, (IReadOnlyDictionary<string, string>)c.Values));
    }
}
