using System.Globalization;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// Is this youth known to the county? An exact lookup by legal name and date of birth through the
/// blind index (no record is decrypted to compare). Posted, not in the address, so the name stays out
/// of browser history and server logs. Each match lists its cases by agency and status only, with the
/// way in the user has: open it, break the glass (supervisors), or ask the owning agency for a referral.
/// </summary>
public sealed class FindModel(
    BeaconDbContext db, YouthIdentity identity, CaseAccess access, AuditTrail audit,
    IStringLocalizer<YouthResource> y) : PageModel
{
    public sealed record CaseRow(Guid Id, string Agency, CaseStatus Status, bool CanRead);

    public sealed record Match(Guid YouthId, bool Visible, bool CanOpenCase, IReadOnlyList<CaseRow> Cases);

    [BindProperty]
    public string? LegalName { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    /// <summary>Null until a search ran; then every matching record of the user's county.</summary>
    public IReadOnlyList<Match>? Matches { get; private set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(LegalName))
        {
            ModelState.AddModelError(nameof(LegalName), y["Youth.Error.LegalNameRequired"]);
        }
        else if (LegalName.Trim().Length > Youth.NameMax)
        {
            ModelState.AddModelError(nameof(LegalName), y["Youth.Error.TooLong", y["Youth.Field.LegalName"], Youth.NameMax, LegalName.Trim().Length]);
        }

        var dob = YouthInput.ParseDate(DateOfBirth);
        if (string.IsNullOrWhiteSpace(DateOfBirth))
        {
            ModelState.AddModelError(nameof(DateOfBirth), y["Find.Error.DateOfBirthRequired"]);
        }
        else if (dob is null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), y["Youth.Error.DateOfBirthFormat"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var county = User.CountyId();
        var ids = await identity.LikelyDuplicatesAsync(county, LegalName!, dob, ct: ct);
        var readable = await access.VisibleCases(User).Where(c => ids.Contains(c.YouthId)).Select(c => c.Id).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.YouthId) && c.JurisdictionId == county)
            .OrderByDescending(c => c.OpenedUtc)
            .Select(c => new { c.Id, c.YouthId, Agency = c.Agency!.Name, c.Status })
            .ToListAsync(ct);
        var matches = new List<Match>();
        foreach (var id in ids)
        {
            var stub = await YouthRules.StubAsync(db, id, ct);
            var visible = stub is not null && await access.SeesYouthAsync(User, stub, ct);
            var canOpenCase = stub is not null && await YouthRules.CanEditAsync(db, access, User, stub, ct);
            matches.Add(new Match(id, visible, canOpenCase, cases.Where(c => c.YouthId == id)
                .Select(c => new CaseRow(c.Id, c.Agency, c.Status, readable.Contains(c.Id))).ToList()));
        }

        Matches = matches;
        // The count only: what was typed is a youth's name.
        await audit.WriteAsync(AuditAction.Search, AuditRecordTypes.Youth, null, AuditOutcome.Allowed,
            string.Create(CultureInfo.InvariantCulture, $"identity lookup; {ids.Count} matches"), ct);
        return Page();
    }
}
