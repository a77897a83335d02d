using System.Security.Claims;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>An anonymous tip as its item shows it, decrypted, with the screens about it the user may see.</summary>
public sealed record TipSource(Tip Tip, string What, string? Where, string? When, string? Who, string? Contact, IReadOnlyList<SavedScreen> Screens);

/// <summary>
/// What an item came from, as the item page shows it: the tip, the screen (null when the user may not
/// see it) or the call (its fields are on the item). <see cref="Hidden"/>: the item is linked to a case
/// the user does not see whole, so the case's need-to-know keeps the source from them (ADR-009).
/// </summary>
public sealed record ItemSource(TipSource? Tip, SavedScreen? Screen, string? LoggedBy, bool CaseReadable, bool Hidden)
{
    /// <summary>
    /// Reads the item's source for the user. The tip's own read is audited (record type Tip) before its
    /// text is decrypted, as the tip page always did; the item's view is the caller's to audit.
    /// </summary>
    public static async Task<ItemSource> ReadAsync(
        IntakeItem item, ClaimsPrincipal user, BeaconDbContext db, CaseAccess cases, ScreenAccess screens, SensitiveText sensitive,
        AuditTrail audit, CancellationToken ct)
    {
        var caseReadable = false;
        var hidden = false;
        if (item.CaseId is { } caseId && await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct) is { } linked)
        {
            var decision = await cases.DecideAsync(user, linked, ct);
            caseReadable = decision.CanRead;
            hidden = !decision.SeesWholeCase;
        }

        if (hidden)
        {
            return new ItemSource(null, null, null, caseReadable, true);
        }

        TipSource? tip = null;
        if (item.TipId is { } tipId && await db.Tips.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tipId, ct) is { } t)
        {
            await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Tip, tipId.ToString(), AuditOutcome.Allowed, null, ct);
            var about = await (await screens.VisibleAsync(user, ct)).AsNoTracking().Where(s => s.TipId == tipId).OrderBy(s => s.CreatedUtc).ToListAsync(ct);
            tip = new TipSource(t, sensitive.Unprotect(t.WhatProtected)!, sensitive.Unprotect(t.WhereProtected), sensitive.Unprotect(t.WhenProtected),
                sensitive.Unprotect(t.WhoProtected), sensitive.Unprotect(t.ContactProtected), about);
        }

        var screen = item.ScreenId is { } screenId
            ? await (await screens.VisibleAsync(user, ct)).AsNoTracking().SingleOrDefaultAsync(s => s.Id == screenId, ct)
            : null;
        var loggedBy = item.LoggedByUserId is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        return new ItemSource(tip, screen, loggedBy, caseReadable, false);
    }
}
