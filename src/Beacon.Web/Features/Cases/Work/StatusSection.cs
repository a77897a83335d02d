using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record StatusSectionModel(OpenedCase Opened, IReadOnlyList<StatusSectionModel.Row> History)
{
    public sealed record Row(CaseStatusChange Change, string By);
}

/// <summary>The case's status history (from → to, who, when, why) and, for those who work the case, the way to move it.</summary>
[CaseSection(10)]
public sealed class CaseStatusSection(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.SeesWholeCase)
        {
            return Content("");
        }

        var changes = await db.CaseStatusChanges.AsNoTracking().Where(s => s.CaseId == opened.Id)
            .OrderByDescending(s => s.AtUtc).ToListAsync(HttpContext.RequestAborted);
        var names = await StaffNames.OfAsync(db, changes.Select(s => s.ByUserId), HttpContext.RequestAborted);
        return View(new StatusSectionModel(opened, changes.Select(s => new StatusSectionModel.Row(s, names.Of(s.ByUserId))).ToList()));
    }
}
