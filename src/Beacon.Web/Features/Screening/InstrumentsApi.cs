using Microsoft.AspNetCore.Http.HttpResults;

namespace Beacon.Web.Features.Screening;

/// <summary>
/// <c>/api/instruments</c> for staff: the loaded instruments, and each as a FHIR R4 Questionnaire
/// (also offered as a download on the instruments page).
/// </summary>
public static class InstrumentsApi
{
    public sealed record InstrumentSummary(string Id, int Version, string Title, string Audience, string Status, string Questionnaire);

    public static IEndpointRouteBuilder MapInstrumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instruments").RequireAuthorization(Accounts.Policies.StaffSession).WithTags("Instruments");
        group.MapGet("/", List);
        group.MapGet("/{id}/v{version:int}/questionnaire", Questionnaire);
        return app;
    }

    internal static async Task<Ok<List<InstrumentSummary>>> List(ScreeningInstruments instruments, CancellationToken ct) =>
        TypedResults.Ok((await instruments.CurrentAsync(ct)).All.Select(i => new InstrumentSummary(
            i.Id, i.Version, i.Title.En, i.Audience.ToString().ToLowerInvariant(), i.Retired ? "retired" : "active",
            QuestionnairePath(i.Id, i.Version))).ToList());

    internal static async Task<Results<ContentHttpResult, NotFound>> Questionnaire(string id, int version, ScreeningInstruments instruments, HttpContext http)
    {
        var instrument = (await instruments.CurrentAsync(http.RequestAborted)).Find(id, version);
        if (instrument is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.v{version}.questionnaire.json\"";
        return TypedResults.Content(FhirExport.Serialize(FhirExport.ToQuestionnaire(instrument)), "application/fhir+json");
    }

    public static string QuestionnairePath(string id, int version) => $"/api/instruments/{id}/v{version}/questionnaire";
}
