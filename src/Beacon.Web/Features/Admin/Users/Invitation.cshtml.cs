using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// Shows a new invitation link once. The token reaches this page in TempData (a cookie encrypted by
/// Data Protection, deleted once read), never in a URL that logs or history would keep; the
/// database holds only its hash, so a lost link cannot be shown again, only replaced.
/// </summary>
public sealed class InvitationModel(BeaconDbContext db, IOptions<BeaconOptions> options) : PageModel
{
    private const string TempDataKey = "Admin.Invitation";

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Link { get; private set; }

    public static void Remember(ITempDataDictionary tempData, Guid userId, string token) =>
        tempData[TempDataKey] = $"{userId:N} {token}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([id], ct);
        if (user is null)
        {
            return NotFound();
        }

        Name = user.DisplayName;
        Email = user.Email ?? "";
        if (TempData[TempDataKey] is string saved && saved.Split(' ') is [var forUser, var token] && forUser == id.ToString("N"))
        {
            Link = $"{BaseUrl()}/setup/{token}";
        }

        return Page();
    }

    private string BaseUrl() =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{Request.Scheme}://{Request.Host}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
}
