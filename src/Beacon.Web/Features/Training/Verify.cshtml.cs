using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Training;

/// <summary>
/// Anyone may check a certificate: the code shows the name, the course and the date, and nothing else.
/// A code Beacon did not issue is not found. Each check counts against a per-address limit.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(BeaconDbContext db, LearnContent content, IStringLocalizer<TrainingResource> text) : PageModel
{
    public sealed record Verified(string Name, string Course, DateTime PassedUtc);

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public Verified? Found { get; private set; }
    public bool NotFoundCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        var code = CertificateCode.Normalize(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), text["Verify.BadCode"]);
            return Page();
        }

        if (code != Code)
        {
            return RedirectToPage("/Training/Verify", new { code }); // one address per certificate, however it was typed
        }

        var certificate = await db.TrainingCertificates.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new { c.LearnerName, c.CourseSlug, c.PassedUtc }).SingleOrDefaultAsync(ct);
        if (certificate is null)
        {
            NotFoundCode = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var course = content.Training.Find(Localization.Language, certificate.CourseSlug)?.Title ?? certificate.CourseSlug;
        Found = new Verified(certificate.LearnerName, course, certificate.PassedUtc);
        return Page();
    }
}
