using Beacon.Core.Training;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Training;

/// <summary>The courses: everyone sees them all; a staff member also sees where they stand on each.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class IndexModel(TrainingRecords records) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];
    public IReadOnlyDictionary<string, CourseStanding> Standing { get; private set; } = new Dictionary<string, CourseStanding>();
    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = records.Library.InLanguage(Localization.Language);
        if (CoursePageModel.StaffId(User) is not null)
        {
            IsStaff = true;
            Standing = (await records.StandingAsync(User, ct)).ToDictionary(s => s.Course.Slug);
        }
    }
}
