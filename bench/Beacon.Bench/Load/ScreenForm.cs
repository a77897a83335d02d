using System.Text.RegularExpressions;

namespace Beacon.Bench.Load;

/// <summary>
/// The staff screen form of the full instrument as the server shows it: its items and their answer values, read
/// once from the new-screen page. Each screen sent answers every item at random among the ratings (so levels, item
/// facts and intake items vary), with a unique youth reference.
/// </summary>
public sealed partial class ScreenForm(string version, IReadOnlyList<(string Name, string[] Values)> items)
{
    public const string Instrument = "beacon-full";

    public static async Task<ScreenForm> ReadAsync(HttpClient staff, CancellationToken ct)
    {
        var html = await staff.GetStringAsync($"/screening/edit?instrument={Instrument}", ct);
        var items = Radio().Matches(html).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(m => m.Groups[2].Value).Where(v => int.TryParse(v, out _)).ToArray()))
            .Where(i => i.Item2.Length > 0).ToList();
        if (items.Count == 0 || Version().Match(html) is not { Success: true } version)
        {
            throw new InvalidOperationException("The new-screen page shows no answer form: is the staff member allowed to screen?");
        }

        return new ScreenForm(version.Groups[1].Value, items);
    }

    public int Items => items.Count;

    public Dictionary<string, string> Fields(string reference, bool finish, Guid stamp)
    {
        var fields = items.ToDictionary(i => i.Name, i => i.Values[Random.Shared.Next(i.Values.Length)], StringComparer.Ordinal);
        fields["instrument"] = Instrument;
        fields["version"] = version;
        fields["reference"] = reference;
        fields["action"] = finish ? "finish" : "save";
        fields["stamp"] = stamp.ToString();
        return fields;
    }

    [GeneratedRegex("type=\"radio\" id=\"[^\"]*\" name=\"(a\\.[^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex Radio();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex Version();
}
