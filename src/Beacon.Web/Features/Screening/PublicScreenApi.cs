using System.Text.Json;
using Beacon.Core.Screening;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Screening;

/// <summary>
/// <c>POST /api/public/screen</c>: the quick check's evaluation as JSON. Anonymous, rate-limited,
/// stores nothing; a bad instrument, item id or value is a 400 that names it.
/// </summary>
public static class PublicScreenApi
{
    /// <remarks>Answers are read as raw JSON so that a wrong value ("x", 3, 1.5) gets a 400 naming its item.</remarks>
    public sealed record ScreenRequest(string? Instrument, Dictionary<string, JsonElement>? Answers);

    public sealed record FiredRuleDto(string Rule, string Level, string Why, IReadOnlyList<string> Items);

    public sealed record ScreenResponse(
        string Instrument, string Level, string Summary, IReadOnlyList<FiredRuleDto> Reasons, IReadOnlyList<string> Unknown, IReadOnlyList<string> RiskNoted);

    public static IEndpointRouteBuilder MapPublicScreenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").AllowAnonymous().WithTags("Public");
        group.MapPost("/screen", Screen).DisableAntiforgery()
            .WithSummary("Score answers against a public instrument; nothing is stored.");
        return app;
    }

    internal static async Task<Results<Ok<ScreenResponse>, ValidationProblem>> Screen(
        ScreenRequest request, ScreeningInstruments instruments, IStringLocalizer<ScreeningResource> s, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var set = await instruments.CurrentAsync(http.RequestAborted);
        var instrument = set.Active(request.Instrument);
        if (instrument is null || instrument.Audience != InstrumentAudience.Public)
        {
            return Problem("instrument", $"'{request.Instrument}' is not a public instrument. Known: {string.Join(", ", set.ActiveFor(InstrumentAudience.Public).Select(i => i.Id))}.");
        }

        return Evaluate(instrument, request.Answers, s);
    }

    /// <summary>Checks each answer (the item exists, the value is 0, 1, 2 or null) and scores them; shared with the staff API.</summary>
    internal static Results<Ok<ScreenResponse>, ValidationProblem> Evaluate(
        Instrument instrument, Dictionary<string, JsonElement>? raw, IStringLocalizer<ScreeningResource> s)
    {
        var ids = instrument.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (id, value) in raw ?? [])
        {
            if (!ids.Contains(id))
            {
                return Problem($"answers.{id}", $"'{id}' is not an item of {instrument.Key}.");
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                answers[id] = null;
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is >= 0 and <= 2)
            {
                answers[id] = n;
            }
            else
            {
                return Problem($"answers.{id}", $"{value.GetRawText()} is not an answer: use 0, 1, 2 or null (unknown).");
            }
        }

        var result = Scoring.Score(instrument, Scoring.ToArray(instrument, answers));
        var lang = Infrastructure.Localization.Language;
        return TypedResults.Ok(new ScreenResponse(
            instrument.Key, LevelName(result.Level), s[$"Level.{result.Level}.Title"],
            result.Fired.Select(f => new FiredRuleDto(f.Rule.Id, LevelName(f.Rule.Level), f.Rule.Why.For(lang), f.Items)).ToList(),
            result.Unknown, result.RiskNoted));
    }

    public static string LevelName(ConcernLevel level) => level.ToString().ToLowerInvariant();

    internal static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
