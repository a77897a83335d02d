using System.Text.Json;
using Beacon.Core.Catalog;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// The suggestions a screen's author dismissed, as <c>SavedScreen.DismissedSuggestionsJson</c> holds them: a
/// sorted JSON array of catalog IDs, or null when none. Only catalog IDs are kept, whatever a form sends.
/// </summary>
public static class DismissedSuggestions
{
    public static IReadOnlySet<string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return JsonSerializer.Deserialize<List<string>>(json)?.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The catalog IDs among the given values (a form's), without repeats.</summary>
    public static IReadOnlySet<string> Of(IEnumerable<string?> values, IndicatorCatalog catalog) =>
        values.Where(v => v is not null && catalog.Contains(v)).Select(v => v!).ToHashSet(StringComparer.Ordinal);

    public static string? Write(IEnumerable<string> ids)
    {
        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? null : JsonSerializer.Serialize(sorted);
    }
}
