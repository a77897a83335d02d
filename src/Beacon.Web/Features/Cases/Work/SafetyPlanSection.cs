using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record SafetyPlanSectionModel(OpenedCase Opened, SafetyPlan? Plan, string UpdatedBy);

/// <summary>The youth's safety plan as it stands, with who changed it last and when.</summary>
[CaseSection(45)]
public sealed class CaseSafetyPlanSection(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.Sees(SharedParts.SafetyPlan))
        {
            return Content("");
        }

        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == opened.Id, HttpContext.RequestAborted);
        var names = plan is null ? new Dictionary<Guid, string>() : await StaffNames.OfAsync(db, [plan.UpdatedByUserId], HttpContext.RequestAborted);
        return View(new SafetyPlanSectionModel(opened, plan, names.Of(plan?.UpdatedByUserId)));
    }
}
