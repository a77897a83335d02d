namespace Beacon.Core.Jurisdictions;

/// <summary>California ZIP code to county name (content/jurisdictions/california-zip-counties.csv).</summary>
public sealed class ZipDirectory
{
    private readonly Dictionary<string, string> _countyByZip;

    private ZipDirectory(Dictionary<string, string> countyByZip) => _countyByZip = countyByZip;

    public int Count => _countyByZip.Count;

    public static ZipDirectory Load(string path)
    {
        var name = Path.GetFileName(path);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue; // header
            }

            var parts = line.Split(',');
            if (parts.Length != 2 || !IsZip(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
            {
                throw new ReferenceDataException($"{name}: line {lineNumber} must be 'zip,county' with a five-digit ZIP.");
            }

            if (!map.TryAdd(parts[0], parts[1].Trim()))
            {
                throw new ReferenceDataException($"{name}: line {lineNumber}: ZIP {parts[0]} appears twice.");
            }
        }

        return new ZipDirectory(map);
    }

    /// <summary>The county name ("Placer") for a ZIP, or null when the ZIP is not a known California ZIP.</summary>
    public string? CountyFor(string? zip)
    {
        var normalized = Normalize(zip);
        return normalized is not null && _countyByZip.TryGetValue(normalized, out var county) ? county : null;
    }

    /// <summary>"95603", "95603-1234" and " 95603 " all become "95603"; anything else is null.</summary>
    public static string? Normalize(string? zip)
    {
        var trimmed = zip?.Trim();
        if (trimmed is { Length: 10 } && trimmed[5] == '-')
        {
            trimmed = trimmed[..5];
        }

        return trimmed is not null && IsZip(trimmed) ? trimmed : null;
    }

    private static bool IsZip(string value) => value.Length == 5 && value.All(char.IsAsciiDigit);
}
