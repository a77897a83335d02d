using System.Text.Json;

namespace Beacon.Core.Scanning;

/// <summary>What the lexicon and cue loaders share: reading a file and checking its language.</summary>
internal static class ScannerJson
{
    // Unknown properties are refused so that a misspelt key ("phrase", "negations") fails loudly
    // instead of leaving a list silently empty.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static T Read<T>(string path)
        where T : class
    {
        var name = Path.GetFileName(path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{name}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: not valid JSON here ({ex.Message}).", ex);
        }
    }

    public static string CheckLanguage(string name, string? language) =>
        language is not null && ScannerLexicon.Languages.Contains(language)
            ? language
            : throw new InvalidDataException(
                $"{name}: language \"{language}\": unknown (one of {string.Join(", ", ScannerLexicon.Languages)}).");
}
