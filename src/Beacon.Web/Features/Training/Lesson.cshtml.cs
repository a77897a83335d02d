using Beacon.Core.Content;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Training;

/// <summary>One lesson of a course, with its sources and the lessons before and after it.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class LessonModel(LearnContent content) : CoursePageModel(content)
{
    public LearnPage Lesson { get; private set; } = null!;
    public LearnPage? Previous { get; private set; }
    public LearnPage? Next { get; private set; }
    public int Position { get; private set; }

    public IActionResult OnGet(string course, string lesson)
    {
        if (Open(course) is { } refusal)
        {
            return refusal;
        }

        var index = Course.Lessons.ToList().FindIndex(l => l.Slug == lesson);
        if (index < 0)
        {
            return NotFound();
        }

        Lesson = Course.Lessons[index];
        Position = index + 1;
        Previous = index > 0 ? Course.Lessons[index - 1] : null;
        Next = index < Course.Lessons.Count - 1 ? Course.Lessons[index + 1] : null;
        return Page();
    }
}
