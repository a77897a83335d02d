using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Beacon.Core.Jurisdictions;

/// <summary>Thrown when a reference-data file is malformed; the message names the file and the field.</summary>
public sealed class ReferenceDataException(string message) : Exception(message);

/// <summary>Reads and checks the jurisdiction files under <c>content/jurisdictions/</c>.</summary>
public static partial class ReferenceDataLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<JurisdictionData> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ReferenceDataException($"Reference data folder '{directory}' does not exist.");
        }

        var result = Directory.EnumerateFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
        var duplicate = result.SelectMany(j => j.Contacts.Select(c => c.Id).Prepend(j.Id))
            .GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReferenceDataException($"Reference data ID '{duplicate.Key}' is used more than once in '{directory}'.");
        }

        return result;
    }

    public static JurisdictionData LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        JurisdictionData? data;
        try
        {
            data = JsonSerializer.Deserialize<JurisdictionData>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataException($"{name}: not valid JSON ({ex.Message}).");
        }

        if (data is null)
        {
            throw new ReferenceDataException($"{name}: empty file.");
        }

        Check(name, data);
        return data;
    }

    private static void Check(string file, JurisdictionData j)
    {
        Require(file, "id", IdPattern().IsMatch(j.Id ?? ""), "must be kebab-case");
        Require(file, "name", !string.IsNullOrWhiteSpace(j.Name?.En) && !string.IsNullOrWhiteSpace(j.Name?.Es), "needs en and es");
        Require(file, "contacts", j.Contacts is not null, "is missing");
        foreach (var c in j.Contacts!)
        {
            var at = $"contacts[{c.Id}]";
            Require(file, at + ".id", IdPattern().IsMatch(c.Id ?? ""), "must be kebab-case");
            Require(file, at + ".name", !string.IsNullOrWhiteSpace(c.Name?.En) && !string.IsNullOrWhiteSpace(c.Name?.Es), "needs en and es");
            Require(file, at + ".source.title", !string.IsNullOrWhiteSpace(c.Source?.Title), "every contact cites its source");
            Require(file, at + ".phone", c.Phone is null || PhonePattern().IsMatch(c.Phone), "must be digits, optionally after +");
            Require(file, at + ".altPhone", c.AltPhone is null || PhonePattern().IsMatch(c.AltPhone), "must be digits, optionally after +");
            Require(file, at + ".smsNumber", c.SmsNumber is null || PhonePattern().IsMatch(c.SmsNumber), "must be digits");
            Require(file, at, c.Phone is not null || c.Url is not null, "needs a phone or a url");
        }
    }

    private static void Require(string file, string field, bool ok, string why)
    {
        if (!ok)
        {
            throw new ReferenceDataException($"{file}: {field} {why}.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9]{3,15}$")]
    private static partial Regex PhonePattern();
}
