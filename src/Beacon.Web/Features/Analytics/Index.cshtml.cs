using System.Globalization;
using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Audit;
using Beacon.Core.Catalog;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// The task force's dashboard (issue 8, ADR-011): de-identified figures for a closed month or quarter, a county
/// (or every county, for a user allowed them all) and an agency, as charts with their data tables, a CSV of every
/// table and a printable PDF. Every figure comes from a stored release; every view and export is audited.
/// </summary>
public sealed class IndexModel(
    BeaconDbContext db, FigureReleases releases, TrainingFigures training, IndicatorCatalog catalog, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<AnalyticsResource> g) : PageModel
{
    public const string AllCounties = FigureFamily.All;

    public FigureScope Scope { get; private set; } = null!;
    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    /// <summary>Whether the reader may see training completion by agency (they may read the rosters).</summary>
    public bool TrainingShown { get; private set; }
    public PublishedFigures? Release { get; private set; }
    public string Heading { get; private set; } = "";
    public bool Synthetic { get; private set; }
    /// <summary>The period asked for is closed but its figures are not published (held back, or not yet computed).</summary>
    public bool NotPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, string? county, Guid? agency) =>
        await LoadAsync(period, county, agency) is { } refused ? refused : await AuditedAsync(AuditAction.View, "view", Page());

    public Task<IActionResult> OnGetCsvAsync(string? period, string? county, Guid? agency) =>
        ExportAsync(period, county, agency, "csv", "text/csv; charset=utf-8",
            () => FigureCsv.Dashboard(Tables, CultureInfo.CurrentCulture, AnalyticsWords.From(g)));

    public Task<IActionResult> OnGetPdfAsync(string? period, string? county, Guid? agency) =>
        ExportAsync(period, county, agency, "pdf", "application/pdf", () => FiguresPdf.Render(
            new FiguresReportHeading(g["Page.Title"], Scope.CountyNames, Scope.Period!.Name(CultureInfo.CurrentCulture, g["Period.Quarter"]),
                Scope.AgencyName ?? g["Filter.AllAgencies"], Release!.ComputedUtc, Synthetic),
            Tables, g, CultureInfo.CurrentCulture));

    /// <summary>A file of the dashboard's tables; with nothing to export (a bad period, nothing published) the page, audited as a view.</summary>
    private async Task<IActionResult> ExportAsync(string? period, string? county, Guid? agency, string kind, string contentType, Func<byte[]> render)
    {
        if (await LoadAsync(period, county, agency) is { } refused)
        {
            return refused;
        }

        return Release is null || NotPublished || !ModelState.IsValid
            ? await AuditedAsync(AuditAction.View, "view", Page())
            : await AuditedAsync(AuditAction.Export, kind, File(render(), contentType, FileName(kind)));
    }

    private string FileName(string extension) =>
        $"beacon-figures-{Scope.Period!.Key}-{(Scope.County == AllCounties ? "all-counties" : Scope.County)}{(Scope.Agency is null ? "" : "-agency")}.{extension}";

    private async Task<IActionResult> AuditedAsync(AuditAction action, string what, IActionResult result)
    {
        // The record id is what was looked at (period and place), never a figure; the detail says which rendering.
        await audit.WriteAsync(action, AuditRecordTypes.Figures, Scope.AuditId, AuditOutcome.Allowed, what, HttpContext.RequestAborted);
        return result;
    }

    /// <summary>Resolves the selection; returns a result only to refuse (an agency or county outside the user's reach).</summary>
    private async Task<IActionResult?> LoadAsync(string? period, string? county, Guid? agency)
    {
        var ct = HttpContext.RequestAborted;
        var scope = await FigureScope.ResolveAsync(db, User, clock.GetUtcNow().UtcDateTime, period, county, agency, g, ct);
        if (scope.Refused)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Figures, scope.AuditId, AuditOutcome.Refused, "scope", ct);
            return NotFound();
        }

        Scope = scope;
        foreach (var (field, message) in scope.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Synthetic = await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith("@" + Cli.SeedDemoCommand.EmailDomain.ToUpperInvariant()), ct);
        if (scope.Period is not { } chosen || !ModelState.IsValid)
        {
            return null;
        }

        Release = await releases.LatestAsync(chosen.Quarter, ct);
        if (Release is null || chosen.Months.Max() > Release.ThroughMonth)
        {
            NotPublished = true;
            return null;
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";
        var mdtHours = scope.County == AllCounties ? null
            : await db.Jurisdictions.Where(j => j.Id == scope.County).Select(j => j.EmergencyMdtHours).SingleAsync(ct);
        Tables = new DashboardTables(Release, chosen, scope.Place, g, catalog, language) { CountyOfAgency = scope.County }
            .All(placeIsAgency: scope.Agency is not null, mdtHours);
        // Staff counts per agency are shown only to those who may read the agencies' rosters (ADR-012): for a
        // small agency they would tell an analyst whether a named colleague is trained.
        TrainingShown = User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Administrator);
        if (TrainingShown
            && await training.ByAgencyAsync(scope.County, scope.Agency, FigureMonth.EndUtc(chosen.Months.Max()), language, g, ct) is { } trained)
        {
            Tables = [.. Tables, trained];
        }
        Heading = g["Page.Heading", chosen.Name(CultureInfo.CurrentCulture, g["Period.Quarter"]), string.Join(", ", scope.CountyNames),
            scope.AgencyName ?? g["Filter.AllAgencies"]];
        return null;
    }
}
