using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// The one door to an intake item: found only in the user's own county (anything else is null, the
/// caller answers 404, and the refusal is audited whether the id is missing or another county's),
/// with every look, every refused triage and every triage action written to the audit trail as record
/// type IntakeItem. Details are fixed codes ("assign", "close:NotCsec"), never typed text.
/// </summary>
public sealed class IntakeGate(BeaconDbContext db, AuditTrail audit, IHttpContextAccessor http)
{
    /// <summary>The item, tracked and ready to change, or null (audited as refused access).</summary>
    public async Task<IntakeItem?> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var county = http.HttpContext!.User.CountyId();
        var item = await db.IntakeItems.Include(i => i.AssignedUser)
            .SingleOrDefaultAsync(i => i.Id == id && i.JurisdictionId == county, ct);
        if (item is null)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.IntakeItem, id.ToString(), AuditOutcome.Refused, null, ct);
        }

        return item;
    }

    /// <summary>A page showed the item: written before anything of it is decrypted.</summary>
    public Task ViewedAsync(IntakeItem item, CancellationToken ct = default) =>
        audit.WriteAsync(AuditAction.View, AuditRecordTypes.IntakeItem, item.Id.ToString(), AuditOutcome.Allowed, null, ct);

    /// <summary>A triage action asked by someone the county's setting does not let triage.</summary>
    public Task RefuseTriageAsync(Guid id, CancellationToken ct = default) =>
        audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.IntakeItem, id.ToString(), AuditOutcome.Refused, TriageCodes.Triage, ct);

    /// <summary>A triage action, after it was saved.</summary>
    public Task RecordAsync(AuditAction action, Guid id, string code, CancellationToken ct = default) =>
        audit.WriteAsync(action, AuditRecordTypes.IntakeItem, id.ToString(), AuditOutcome.Allowed, code, ct);
}

/// <summary>The audit details of triage: what the history shows, parsed back by <see cref="TriageHistory"/>.</summary>
public static class TriageCodes
{
    public const string Triage = "triage";
    public const string Call = "call";
    public const string Assign = "assign";
    public const string Link = "link";
    public const string LinkNew = "link-new";
    /// <summary>Its screen was taken out of the case it was linked to: back in the queue.</summary>
    public const string Unlink = "unlink";
    public const string Close = "close";
    public const string Reopen = "reopen";

    /// <summary>"assign:{staff id}": whom, as an opaque account id (no name, nothing about the youth).</summary>
    public static string AssignTo(Guid userId) => $"{Assign}:{userId}";

    public static string CloseFor(IntakeCloseReason reason) => $"{Close}:{reason}";

    public static string ReopenFor(IntakeReopenReason reason) => $"{Reopen}:{reason}";
}

/// <summary>Why a closed item was opened again: recorded as a code in the audit detail only, never as text.</summary>
public enum IntakeReopenReason
{
    NewInformation = 0,
    ClosedInError = 1,
    Other = 2,
}
