using Microsoft.AspNetCore.Routing.Patterns;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>
/// Real values for route parameters. A key is either a parameter alone (<c>{token}</c>: any route)
/// or a route up to that parameter, constraints left out (<c>admin/users/{id}</c>: that route and
/// every route below it), because <c>{id}</c> means a user under one path and a county under another.
/// The longest matching key wins. Each value is a variant of the page, checked in turn.
/// </summary>
public sealed class RouteValues : Dictionary<string, IReadOnlyList<(string Label, string Value)>>
{
    public RouteValues() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The page's required parameters that no key gives a value for.</summary>
    public IEnumerable<string> Unknown(DiscoveredPage page) =>
        page.Pattern.Parameters.Where(p => !p.IsOptional && p.Default is null && Find(page, p) is null).Select(p => p.Name);

    /// <summary>Every combination of the known values of the page's parameters, with a label naming the variant.</summary>
    public IEnumerable<(string Label, IReadOnlyDictionary<string, string> Values)> Combinations(DiscoveredPage page)
    {
        IEnumerable<(string Label, Dictionary<string, string> Values)> combos = [("", new Dictionary<string, string>())];
        foreach (var parameter in page.Pattern.Parameters)
        {
            if (Find(page, parameter) is not { } variants)
            {
                continue;
            }

            combos = combos.SelectMany(c => variants.Select(v =>
                ($"{c.Label} ({v.Label})", new Dictionary<string, string>(c.Values) { [parameter.Name] = v.Value })));
        }

        return combos.Select(c => (c.Label, (IReadOnlyDictionary<string, string>)c.Values));
    }

    private IReadOnlyList<(string Label, string Value)>? Find(DiscoveredPage page, RoutePatternParameterPart parameter)
    {
        var prefix = Prefix(page.Pattern, parameter);
        return TryGetValue(prefix, out var byRoute) ? byRoute
            : TryGetValue("{" + parameter.Name + "}", out var byName) ? byName
            : null;
    }

    /// <summary>The route's text up to and including <paramref name="parameter"/>, as <c>admin/users/{id}</c>.</summary>
    private static string Prefix(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            segments.Add(string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart p => "{" + p.Name + "}",
                _ => "",
            })));
            if (segment.Parts.Contains(parameter))
            {
                break;
            }
        }

        return string.Join('/', segments);
    }
}
