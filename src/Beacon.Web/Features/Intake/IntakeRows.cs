using Beacon.Core.Intake;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>An item as a list shows it: nothing decrypted, nothing about the youth; its age and flag at the time of the request.</summary>
public sealed record IntakeRow(
    Guid Id, IntakeSource Source, DateTime ReceivedUtc, IntakeAge Age, ConcernLevel? Level, IntakeStatus Status, string? Assignee, bool Flagged)
{
    /// <summary>
    /// The rows of the items, in the query's order. Only the columns a list shows are read: the encrypted
    /// ones (a call's details, a close note) are never loaded, so a list decrypts nothing.
    /// </summary>
    public static async Task<List<IntakeRow>> ReadAsync(IQueryable<IntakeItem> items, int? triageHours, DateTime nowUtc, CancellationToken ct)
    {
        var listed = await items.Select(i => new
        {
            i.Id, i.Source, i.ReceivedUtc, i.Level, i.Status, Assignee = i.AssignedUser == null ? null : i.AssignedUser.DisplayName, i.LastActionUtc,
        }).ToListAsync(ct);
        return listed.Select(i => new IntakeRow(
            i.Id, i.Source, i.ReceivedUtc, IntakeAge.Between(i.ReceivedUtc, nowUtc), i.Level, i.Status, i.Assignee,
            TriageRules.IsFlagged(i.Status is IntakeStatus.New or IntakeStatus.Assigned, i.LastActionUtc, triageHours, nowUtc))).ToList();
    }
}

/// <summary>The queries of the queue, written once for the queue page and the supervisors' summary.</summary>
public static class IntakeQueries
{
    public static IQueryable<IntakeItem> Open(this IQueryable<IntakeItem> items) =>
        items.Where(i => i.Status == IntakeStatus.New || i.Status == IntakeStatus.Assigned);

    /// <summary>Open items untouched past the county's triage time (<see cref="TriageRules"/>); none when the county set no time.</summary>
    public static IQueryable<IntakeItem> Flagged(this IQueryable<IntakeItem> items, int? triageHours, DateTime nowUtc) =>
        TriageRules.FlaggedIfTouchedBeforeUtc(triageHours, nowUtc) is { } before
            ? items.Open().Where(i => i.LastActionUtc <= before)
            : items.Where(_ => false);

    /// <summary>Open items first, then the oldest first: the order work is taken in.</summary>
    public static IQueryable<IntakeItem> InQueueOrder(this IQueryable<IntakeItem> items) =>
        items.OrderBy(i => i.Status == IntakeStatus.New || i.Status == IntakeStatus.Assigned ? 0 : 1)
            .ThenBy(i => i.ReceivedUtc).ThenBy(i => i.Id);
}

/// <summary>The resource keys of an item's facts, so every page names them the same way.</summary>
public static class IntakeLabels
{
    public static string Source(IntakeSource source) => "Source." + source;

    public static string Level(ConcernLevel? level) => level is { } l ? "Level." + l : "Level.NotScreened";

    public static string Status(IntakeStatus status) => "Status." + status;

    public static string Age(IntakeAge age) => age is { Unit: AgeUnit.Minutes, Value: 0 } ? "Age.JustNow" : "Age." + age.Unit;

    public static string CloseReason(IntakeCloseReason reason) => "CloseReason." + reason;

    public static string ReopenReason(IntakeReopenReason reason) => "ReopenReason." + reason;
}
