using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record ServicesSectionModel(OpenedCase Opened, IReadOnlyList<CaseService> Services);

/// <summary>The services the youth is offered or receives: kind, provider agency, status.</summary>
[CaseSection(48)]
public sealed class CaseServicesSection(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.Sees(SharedParts.Services))
        {
            return Content("");
        }

        return View(new ServicesSectionModel(opened, await CaseServices.OfAsync(db, opened.Id, HttpContext.RequestAborted)));
    }
}

public static class CaseServices
{
    public static Task<List<CaseService>> OfAsync(BeaconDbContext db, Guid caseId, CancellationToken ct) =>
        db.CaseServices.AsNoTracking().Include(s => s.ProviderAgency).Where(s => s.CaseId == caseId)
            .OrderBy(s => s.Kind).ThenBy(s => s.UpdatedUtc).ToListAsync(ct);
}
