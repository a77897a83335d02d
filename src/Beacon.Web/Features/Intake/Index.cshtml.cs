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

    public sealed record Row(Guid Id, DateTime ReceivedUtc, TipStatus Status, string Language, string Preview);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int NewCount { get; private set; }

    public async Task OnGetAsync()
    {
        var county = User.CountyId();
        var tips = await db.Tips.AsNoTracking()
            .Where(t => t.JurisdictionId == county)
            .OrderBy(t => t.Status).ThenByDescending(t => t.ReceivedUtc)
            .Take(PageSize)
            .ToListAsync();
        NewCount = await db.Tips.CountAsync(t => t.JurisdictionId == county && t.Status == TipStatus.New);
        Rows = tips.Select(t => new Row(t.Id, t.ReceivedUtc, t.Status, t.Language, Preview(sensitive.Unprotect(t.WhatProtected)!))).ToList();
    }

    private static string Preview(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
