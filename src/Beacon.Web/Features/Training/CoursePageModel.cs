using Beacon.Core.Training;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Training;

/// <summary>
/// A page of one course, in the visitor's language. Public courses are open to everyone; the staff
/// courses send a visitor to sign in first.
/// </summary>
public abstract class CoursePageModel(LearnContent content) : PageModel
{
    public Course Course { get; private set; } = null!;

    /// <summary>The signed-in staff member taking the course, or null for a visitor (whose progress stays in their browser).</summary>
    public Guid? LearnerId => StaffId(User);

    public static Guid? StaffId(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Policies.HasRequiredSecondFactor(user) ? user.UserId() : null;

    /// <summary>Null when the course is found and open to this visitor; otherwise what to answer instead.</summary>
    protected IActionResult? Open(string slug)
    {
        var course = content.Training.Find(Localization.Language, slug);
        if (course is null)
        {
            return NotFound();
        }

        if (!course.IsPublic && LearnerId is null)
        {
            return Challenge();
        }

        Course = course;
        return null;
    }
}
