using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// A case: who it is about (when the user may see identity), its status, owner and caseworker, then
/// every <see cref="CaseSection"/> the user's relation allows. Every look is audited by the gate.
/// </summary>
public sealed class DetailsModel(CaseGate gate, BeaconDbContext db) : PageModel
{
    public const string NoticeKey = "CaseNotice";

    public OpenedCase Opened { get; private set; } = null!;
    public Case Case => Opened.Case;
    public CaseAccessDecision Access => Opened.Access;
    /// <summary>How the youth is called on this page: the preferred name, else the legal name; null when identity is not shared.</summary>
    public string? YouthName { get; private set; }
    public bool YouthPurged { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, HttpContext.RequestAborted) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        if (Access.Sees(SharedParts.Identity))
        {
            (YouthName, YouthPurged) = await YouthNames.OfAsync(db, Case.YouthId, HttpContext.RequestAborted);
        }

        return Page();
    }
}
