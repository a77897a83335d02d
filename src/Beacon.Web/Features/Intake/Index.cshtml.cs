using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake</c>, the county's intake queue: tips, staff screens of concern and logged calls of the
/// user's own county, open items first and the oldest first, filtered by status and source (a GET form,
/// so a filtered list can be bookmarked), a page at a time. Items untouched past the county's triage
/// time say so in words; supervisors also get the county-wide count at the top. The list decrypts
/// nothing: what an item says is read on its own page, where each look is audited.
/// </summary>
public sealed class IndexModel(BeaconDbContext db, TriageSettingsReader triage, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string NoticeKey = "IntakeNotice";

    /// <summary>The status filter's choices; "open" (new or assigned) unless another is asked for.</summary>
    public static readonly IReadOnlyList<string> StatusFilters = ["open", "linked", "closed", "all"];

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public string? SourceFilter { get; set; }

    /// <summary>The page of the list, from 1 ("page" itself is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<IntakeRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int? TriageHours { get; private set; }
    public int FlaggedCount { get; private set; }
    public bool IsSupervisor { get; private set; }
    public bool MayTriage { get; private set; }
    public bool Filtered => StatusFilter != StatusFilters[0] || SourceFilter is not null;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        StatusFilter = StatusFilters.Contains(StatusFilter) ? StatusFilter : StatusFilters[0];
        SourceFilter = Enum.TryParse<IntakeSource>(SourceFilter, out var source) && Enum.IsDefined(source) ? source.ToString() : null;
        var county = User.CountyId();
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await triage.ForCountyAsync(county, ct);
        TriageHours = settings.Hours;
        MayTriage = TriageSettingsReader.MayTriage(settings, User);
        IsSupervisor = User.IsInRole(Roles.Supervisor);

        var countyItems = db.IntakeItems.AsNoTracking().Where(i => i.JurisdictionId == county);
        if (IsSupervisor)
        {
            FlaggedCount = await countyItems.Flagged(TriageHours, now).CountAsync(ct);
        }

        var items = StatusFilter switch
        {
            "open" => countyItems.Open(),
            "linked" => countyItems.Where(i => i.Status == IntakeStatus.Linked),
            "closed" => countyItems.Where(i => i.Status == IntakeStatus.Closed),
            _ => countyItems,
        };
        if (SourceFilter is not null)
        {
            items = items.Where(i => i.Source == source);
        }

        Total = await items.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await IntakeRow.ReadAsync(items.InQueueOrder().Skip((PageNumber - 1) * PageSize).Take(PageSize), TriageHours, now, ct);
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int number) =>
        $"/intake?status={StatusFilter}{(SourceFilter is null ? "" : "&source=" + SourceFilter)}&p={number}";
}
