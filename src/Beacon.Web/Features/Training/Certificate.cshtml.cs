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
        var course = certificate is null ? null : content.Training.Find(Localization.Language, certificate.CourseSlug);
        if (certificate is null || course is null)
        {
            return NotFound();
        }

        var site = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{Request.Scheme}://{Request.Host}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
        var pdf = CertificatePdf.Render(
            new CertificateFacts(certificate.LearnerName, course.Title, certificate.PassedUtc, certificate.Code, $"{site}/verify/{certificate.Code}"),
            text, System.Globalization.CultureInfo.CurrentCulture);
        return File(pdf, "application/pdf", $"beacon-certificate-{certificate.Code}.pdf");
    }
}
