using System.Text.Json;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// <c>/api/screens</c> for reporters, caseworkers and supervisors: the live level while a staff
/// screen is filled in (any instrument version, stores nothing), and a saved screen as a FHIR R4
/// QuestionnaireResponse (the same "not found" rules as the pages).
/// </summary>
public static class ScreensApi
{
    public sealed record ScoreRequest(string? Instrument, int? Version, Dictionary<string, JsonElement>? Answers);

    public static IEndpointRouteBuilder MapScreensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/screens").RequireAuthorization(Accounts.Policies.Screens).WithTags("Screens");
        // Scoring changes nothing and a cross-site JSON post needs a CORS preflight Beacon never grants.
        group.MapPost("/score", Score).DisableAntiforgery();
        group.MapGet("/{id:guid}/questionnaire-response", QuestionnaireResponse);
        return app;
    }

    internal static async Task<Results<Ok<PublicScreenApi.ScreenResponse>, ValidationProblem>> Score(
        ScoreRequest request, ScreeningInstruments instruments, IStringLocalizer<ScreeningResource> s, HttpContext http)
    {
        var set = await instruments.CurrentAsync(http.RequestAborted);
        var instrument = request.Version is { } v ? set.Find(request.Instrument, v) : set.Active(request.Instrument);
        if (instrument is null)
        {
            return PublicScreenApi.Problem("instrument", $"'{request.Instrument}' version {request.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(active)"} is not a known instrument.");
        }

        return PublicScreenApi.Evaluate(instrument, request.Answers, s);
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> QuestionnaireResponse(
        Guid id, ScreenAccess access, ScreeningInstruments instruments, HttpContext http, AuditTrail audit)
    {
        var screen = await access.FindAsync(id, http.User, http.RequestAborted);
        var instrument = screen is null ? null : (await instruments.CurrentAsync(http.RequestAborted)).Find(screen.InstrumentId, screen.InstrumentVersion);
        if (screen is null)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Screen, id.ToString(), AuditOutcome.Refused, ct: http.RequestAborted);
            return TypedResults.NotFound();
        }

        if (instrument is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(AuditAction.Export, AuditRecordTypes.Screen, id.ToString(), AuditOutcome.Allowed, "fhir", http.RequestAborted);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"screen-{screen.Id}.questionnaire-response.json\"";
        return TypedResults.Content(FhirExport.Serialize(FhirExport.ToQuestionnaireResponse(instrument, screen)), "application/fhir+json");
    }

    public static string ResponsePath(Guid id) => $"/api/screens/{id}/questionnaire-response";
}
