using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Training;

/// <summary>A staff member's own certificate as a PDF; anyone else's is not found.</summary>
public sealed class CertificateModel(
    BeaconDbContext db, LearnContent content, IStringLocalizer<TrainingResource> text, IOptions<BeaconOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var userId = User.UserId();
        var certificate = await db.TrainingCertificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        // A course since removed from the content still has its certificates: they name it by its slug, as /verify does.
        var course = content.Training.Find(Localization.Language, certificate.CourseSlug)?.Title ?? certificate.CourseSlug;
        var verify = TaskForce.PublicLinks.Absolute(Request, options, $"/verify/{certificate.Code}").ToString();
        var pdf = CertificatePdf.Render(
            new CertificateFacts(certificate.LearnerName, course, certificate.PassedUtc, certificate.Code, verify),
            text, System.Globalization.CultureInfo.CurrentCulture);
        return File(pdf, "application/pdf", $"beacon-certificate-{certificate.Code}.pdf");
    }
}
