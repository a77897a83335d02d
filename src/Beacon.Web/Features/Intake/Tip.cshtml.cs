using Beacon.Web.Features.Accounts;
using System.Security.Claims;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>One tip, decrypted for a staff member of its own county; another county's tip is "not found".</summary>
public sealed class TipModel(
    BeaconDbContext db, SensitiveText sensitive, Screening.Screens.ScreenAccess screens, AuditTrail audit) : PageModel
{
    public IReadOnlyList<SavedScreen> Screens { get; private set; } = [];

    public Tip? Tip { get; private set; }
    public string What { get; private set; } = "";
    public string? Where { get; private set; }
    public string? When { get; private set; }
    public string? Who { get; private set; }
    public string? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Tip = await FindAsync(id);
        if (Tip is null)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Tip, id.ToString(), AuditOutcome.Refused);
            return NotFound();
        }

        // Recorded before anything is decrypted: a read that cannot be audited does not happen.
        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Tip, id.ToString(), AuditOutcome.Allowed);

        What = sensitive.Unprotect(Tip.WhatProtected)!;
        Where = sensitive.Unprotect(Tip.WhereProtected);
        When = sensitive.Unprotect(Tip.WhenProtected);
        Who = sensitive.Unprotect(Tip.WhoProtected);
        Contact = sensitive.Unprotect(Tip.ContactProtected);
        Screens = await screens.Visible(User).Where(s => s.TipId == id).OrderBy(s => s.CreatedUtc).ToListAsync();
        return Page();
    }

    private Task<Tip?> FindAsync(Guid id)
    {
        var county = User.CountyId();
        return db.Tips.SingleOrDefaultAsync(t => t.Id == id && t.JurisdictionId == county);
    }
}
