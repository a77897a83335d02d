using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Beacon.Core.Scanning;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// One finding as the note scanner's two doors write it (<c>beacon scan</c> and <c>POST /api/scan</c>): the
/// catalog item ID, the status in lowercase, the span in the note (UTF-16 offsets, end exclusive), the text
/// matched and the cue that decided the status (null when present).
/// </summary>
/// <remarks>The offsets are always written as numbers; Strict keeps the OpenAPI schema from also allowing strings.</remarks>
public sealed record ScanFinding(
    string Indicator,
    [property: Description("present, negated or uncertain")] string Status,
    [property: Description("UTF-16 offset of the first character of the match in the note"), JsonNumberHandling(JsonNumberHandling.Strict)] int Start,
    [property: Description("UTF-16 offset just after the match (exclusive)"), JsonNumberHandling(JsonNumberHandling.Strict)] int End,
    string Text,
    [property: Description("the trigger that made the finding negated or uncertain; null when present")] string? Cue)
{
    public static ScanFinding From(Finding finding) =>
        new(finding.Indicator, finding.Status.Name(), finding.Start, finding.End, finding.Text, finding.Cue);

    public static IReadOnlyList<ScanFinding> ListOf(NoteScan scan) => scan.Findings.Select(From).ToList();
}

/// <summary>What <c>POST /api/scan</c> answers: the language the note was read in and its findings.</summary>
public sealed record ScanResponse([property: Description("en or es")] string Lang, IReadOnlyList<ScanFinding> Findings)
{
    public static ScanResponse From(NoteScan scan) => new(scan.Language, ScanFinding.ListOf(scan));
}

/// <summary>One line of <c>beacon scan</c>'s output: the document's id, then the same fields as the API's answer.</summary>
public sealed record ScanLine(string Id, string Lang, IReadOnlyList<ScanFinding> Findings)
{
    public static ScanLine From(string id, NoteScan scan) => new(id, scan.Language, ScanFinding.ListOf(scan));
}

/// <summary>The one serializer setting for the scanner's JSON, used by the command line and the API alike.</summary>
public static class ScanJson
{
    /// <summary>
    /// camelCase names and null written out (<c>"cue":null</c>); letters of any script kept as they are, so a
    /// Spanish note's matches stay readable, while characters that matter to HTML are still escaped.
    /// </summary>
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(ScanLine line) => JsonSerializer.Serialize(line, Options);

    // Read-only from the start, so that no caller can change the shape for the other door.
    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
