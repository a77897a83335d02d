using System.ComponentModel;
using System.Globalization;
using Beacon.Core.Scanning;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// <c>POST /api/scan</c> for signed-in staff (every role): a note's indicator findings, in the shape
/// <c>beacon scan</c> prints. The note is case text about a youth, so nothing it receives is stored, audited
/// or logged: the handler touches no database and writes no log line, and its errors never quote the note.
/// </summary>
public static class ScanApi
{
    /// <summary>The longest note accepted, in UTF-16 characters: a long case note is a few thousand.</summary>
    public const int MaxTextLength = 200_000;

    /// <summary>
    /// The largest body read: the longest note written as JSON escapes (six bytes a character) and room for the
    /// rest. Anything larger is refused (413) before it is read, not read whole and then measured.
    /// </summary>
    public const int MaxBodyBytes = MaxTextLength * 6 + 4_096;

    public sealed record ScanRequest(
        [property: Description("the note, plain text (at most 200,000 characters)")] string? Text,
        [property: Description("en or es; null or absent detects the language from the note")] string? Lang = null);

    public static IEndpointRouteBuilder MapScanApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scan").RequireAuthorization(Accounts.Policies.StaffSession).WithTags("Scanning");
        // Scanning changes nothing and a cross-site JSON post needs a CORS preflight Beacon never grants.
        // The answer is written with the scanner's own serializer settings (JsonHttpResult), which the OpenAPI
        // document cannot see, so the 200 shape is declared here.
        group.MapPost("", Scan).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)).Produces<ScanResponse>()
            .WithSummary("Find the indicators a note mentions, and whether each is present, negated or uncertain; nothing is stored.");
        return app;
    }

    internal static Results<JsonHttpResult<ScanResponse>, ValidationProblem> Scan(ScanRequest request, LearnContent content)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["The note's text is missing or empty."];
        }
        else if (request.Text.Length > MaxTextLength)
        {
            errors["text"] = [string.Create(CultureInfo.InvariantCulture,
                $"The note is {request.Text.Length:N0} characters long; the limit is {MaxTextLength:N0}.")];
        }

        // The unknown value is not repeated: a client that put the note in the wrong field would see it echoed.
        if (request.Lang is not null && !ScannerLexicon.Languages.Contains(request.Lang))
        {
            errors["lang"] = [$"Unknown language: use {string.Join(" or ", ScannerLexicon.Languages.Select(l => $"\"{l}\""))}, or null to detect it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Json(ScanResponse.From(content.Scanners.Scan(request.Text!, request.Lang)), ScanJson.Options);
    }
}
