using Beacon.Web.Features.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>The county's intake queue: anonymous tips, new ones first. Only the staff member's own county.</summary>
public sealed class IndexModel(BeaconDbContext db, SensitiveText sensitive) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, DateTime ReceivedUtc, IntakeStatus Status, string Language, string Preview);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int NewCount { get; private set; }

    public async Task OnGetAsync()
    {
        var county = User.CountyId();
        var items = await db.IntakeItems.AsNoTracking().Include(i => i.Tip)
            .Where(i => i.JurisdictionId == county && i.Tip != null)
            .OrderBy(i => i.Status).ThenByDescending(i => i.ReceivedUtc)
            .Take(PageSize)
            .ToListAsync();
        NewCount = await db.IntakeItems.CountAsync(i => i.JurisdictionId == county && i.Status == IntakeStatus.New);
        Rows = items.Select(i => new Row(i.Tip!.Id, i.ReceivedUtc, i.Status, i.Tip.Language, Preview(sensitive.Unprotect(i.Tip.WhatProtected)!))).ToList();
    }

    private static string Preview(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
