using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// One step of an item's triage, read back from the audit trail (the trail is the record: nothing is
/// kept twice). <see cref="Key"/> is the resource key of what happened; <see cref="Assignee"/> whom it
/// was assigned to, <see cref="ReasonKey"/> the resource key of a close or reopen reason.
/// </summary>
public sealed record TriageStep(DateTime AtUtc, string? By, string Key, string? Assignee, string? ReasonKey);

public static class TriageHistory
{
    /// <summary>The item's triage actions (not its views or refusals), oldest first.</summary>
    public static async Task<IReadOnlyList<TriageStep>> ReadAsync(BeaconDbContext db, Guid itemId, CancellationToken ct)
    {
        var id = itemId.ToString();
        var entries = await db.AuditLog.AsNoTracking()
            .Where(e => e.RecordType == AuditRecordTypes.IntakeItem && e.RecordId == id && e.Outcome == AuditOutcome.Allowed &&
                        (e.Action == AuditAction.Create || e.Action == AuditAction.Change))
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.OccurredUtc, e.UserId, e.Detail })
            .ToListAsync(ct);
        var parsed = entries.Select(e => (e.OccurredUtc, e.UserId, Code: Split(e.Detail))).ToList();
        var people = parsed.Select(e => e.UserId)
            .Concat(parsed.Where(e => e.Code.Name == TriageCodes.Assign).Select(e => Guid.TryParse(e.Code.Argument, out var g) ? g : (Guid?)null))
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return parsed.Select(e => new TriageStep(
            e.OccurredUtc,
            e.UserId is { } by ? names.GetValueOrDefault(by) : null,
            KeyOf(e.Code.Name),
            e.Code.Name == TriageCodes.Assign && Guid.TryParse(e.Code.Argument, out var to) ? names.GetValueOrDefault(to) : null,
            e.Code.Name switch
            {
                TriageCodes.Close when Enum.TryParse<IntakeCloseReason>(e.Code.Argument, out var r) => IntakeLabels.CloseReason(r),
                TriageCodes.Reopen when Enum.TryParse<IntakeReopenReason>(e.Code.Argument, out var r) => IntakeLabels.ReopenReason(r),
                _ => null,
            })).ToList();
    }

    private static string KeyOf(string code) => code switch
    {
        TriageCodes.Call => "History.Call",
        TriageCodes.Assign => "History.Assign",
        TriageCodes.Link => "History.Link",
        TriageCodes.LinkNew => "History.LinkNew",
        TriageCodes.Unlink => "History.Unlink",
        TriageCodes.Close => "History.Close",
        TriageCodes.Reopen => "History.Reopen",
        _ => "History.Other",
    };

    private static (string Name, string? Argument) Split(string? detail)
    {
        var code = detail ?? "";
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (code, null) : (code[..colon], code[(colon + 1)..]);
    }
}
