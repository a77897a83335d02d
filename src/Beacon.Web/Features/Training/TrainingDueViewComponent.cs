using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Training;

/// <summary>
/// "Your training" on the staff home page: the courses the user must take (required of one of their roles
/// and never passed) or renew (due within 30 days, or lapsed), each with a link to the course.
/// </summary>
public sealed class TrainingDueViewComponent(TrainingRecords records) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var standing = await records.StandingAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("/Features/Training/_TrainingDue.cshtml", standing.Where(s => s.NeedsReminder).ToList());
    }
}
