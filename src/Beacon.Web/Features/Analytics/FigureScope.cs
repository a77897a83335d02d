using System.Globalization;
using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// What a user asked to see and may see: a closed period, a county (every county only for an administrator, who is
/// allowed them all) and optionally one of its agencies. A county or agency outside the user's reach is refused;
/// a period that is malformed or not yet over is an error on the period field.
/// </summary>
public sealed class FigureScope
{
    /// <summary>How many quarters back the period list goes.</summary>
    public const int QuartersListed = 8;

    public required IReadOnlyList<(string Id, string Name)> Counties { get; init; }
    public required IReadOnlyList<(Guid Id, string Name)> Agencies { get; init; }
    public required IReadOnlyList<(string Key, string Name)> Periods { get; init; }
    public required string County { get; init; }
    public Guid? Agency { get; init; }
    public FigurePeriod? Period { get; init; }
    public bool Refused { get; init; }
    public bool CanSeeAllCounties { get; init; }
    public List<(string Field, string Message)> Errors { get; } = [];

    public string Place => Agency is { } a ? FigureCube.PlaceKey(a) : County;

    public string AuditId => $"{Period?.Key ?? "-"}/{County}{(Agency is { } a ? "/" + a.ToString("N") : "")}";

    public IReadOnlyList<string> CountyNames => County == FigureFamily.All ? [.. Counties.Select(c => c.Name)] : [.. Counties.Where(c => c.Id == County).Select(c => c.Name)];

    public string? AgencyName => Agency is { } a ? Agencies.FirstOrDefault(x => x.Id == a).Name : null;

    public static async Task<FigureScope> ResolveAsync(
        BeaconDbContext db, ClaimsPrincipal user, DateTime nowUtc, string? period, string? county, Guid? agency,
        IStringLocalizer<AnalyticsResource> g, CancellationToken ct)
    {
        var es = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
        var all = await db.Jurisdictions.AsNoTracking().Where(j => !j.IsNational).OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.NameEn, j.NameEs }).ToListAsync(ct);
        var canSeeAll = user.IsInRole(Roles.Administrator);
        var own = user.CountyId();
        var allowed = all.Where(j => canSeeAll || j.Id == own).Select(j => (j.Id, Name: es ? j.NameEs : j.NameEn)).ToList();
        var allowAll = canSeeAll && allowed.Count > 1;
        var chosen = string.IsNullOrEmpty(county) ? (allowed.Any(c => c.Id == own) ? own : allowed.FirstOrDefault().Id ?? own) : county;
        var refused = !(chosen == FigureFamily.All ? allowAll : allowed.Any(c => c.Id == chosen));
        var agencies = refused || chosen == FigureFamily.All ? [] : await db.Agencies.AsNoTracking().Where(a => a.JurisdictionId == chosen)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        refused |= agency is { } id && !agencies.Any(a => a.Id == id);

        var periods = Listed(nowUtc, g);
        FigurePeriod? parsed = null;
        var errors = new List<(string, string)>();
        if (string.IsNullOrEmpty(period))
        {
            // The default is the newest whole quarter ("last quarter"), else the newest closed month.
            var first = periods.FirstOrDefault(p => p.Key.Contains('Q', StringComparison.Ordinal)).Key ?? periods.FirstOrDefault().Key;
            parsed = FigurePeriod.Parse(first);
        }
        else if (FigurePeriod.Parse(period) is not { } p)
        {
            errors.Add(("period", g["Error.PeriodFormat"]));
        }
        else if (!p.Months.All(m => FigureMonth.IsClosed(m, nowUtc)))
        {
            errors.Add(("period", g["Error.PeriodOpen"]));
        }
        else if (!periods.Any(l => l.Key == p.Key))
        {
            // Only the listed periods: each quarter asked for is published (and stored) once, so an address typed with
            // any old quarter must not make the server compute and keep one.
            errors.Add(("period", g["Error.PeriodFormat"]));
        }
        else
        {
            parsed = p;
        }

        var scope = new FigureScope
        {
            Counties = allowed, Agencies = [.. agencies.Select(a => (a.Id, a.Name))], Periods = periods, County = chosen,
            Agency = refused ? null : agency, Period = parsed, Refused = refused, CanSeeAllCounties = allowAll,
        };
        scope.Errors.AddRange(errors);
        return scope;
    }

    /// <summary>The closed quarters and months of the last <see cref="QuartersListed"/> quarters, newest first, quarters before their months.</summary>
    private static List<(string Key, string Name)> Listed(DateTime nowUtc, IStringLocalizer<AnalyticsResource> g)
    {
        var list = new List<(string, string)>();
        var quarter = FigureMonth.QuarterOf(FigureMonth.Of(nowUtc));
        for (var i = 0; i < QuartersListed; i++)
        {
            var months = FigureMonth.MonthsOf(quarter);
            if (months.All(m => FigureMonth.IsClosed(m, nowUtc)))
            {
                var q = new FigurePeriod(quarter, null);
                list.Add((q.Key, q.Name(CultureInfo.CurrentCulture, g["Period.Quarter"])));
            }

            foreach (var m in months.Reverse().Where(m => FigureMonth.IsClosed(m, nowUtc)))
            {
                list.Add((FigureMonth.Key(m), FigureMonth.Name(m, CultureInfo.CurrentCulture)));
            }

            quarter = FigureMonth.PreviousQuarter(quarter);
        }

        return list;
    }
}
