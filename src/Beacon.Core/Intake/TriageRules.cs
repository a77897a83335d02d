using Beacon.Core.Accounts;

namespace Beacon.Core.Intake;

/// <summary>
/// A county's triage setting: which roles triage its intake queue, in which of its agencies (none named:
/// every agency of the county), and how long an open item may wait untouched before supervisors are
/// told (null: the administrator has not set it, so nothing is flagged).
/// </summary>
public sealed record TriageSettings(bool Caseworkers, bool Supervisors, IReadOnlySet<Guid> Agencies, int? Hours)
{
    public static TriageSettings Default { get; } = new(true, true, new HashSet<Guid>(), null);
}

/// <summary>Who may triage, and when an item is flagged: pure rules, so pages, queues and tests agree.</summary>
public static class TriageRules
{
    /// <summary>
    /// True when a staff member of the county, with these roles and of this agency, may assign, link or
    /// close its intake items. The county is checked by the caller (a user only ever sees their own).
    /// </summary>
    public static bool CanTriage(TriageSettings settings, IReadOnlyCollection<string> roles, Guid agencyId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(roles);
        var inRole = (settings.Caseworkers && roles.Contains(Roles.Caseworker)) ||
                     (settings.Supervisors && roles.Contains(Roles.Supervisor));
        return inRole && (settings.Agencies.Count == 0 || settings.Agencies.Contains(agencyId));
    }

    /// <summary>
    /// True when a staff member may read the county's intake queue and its items: those who triage, and
    /// the supervisors of the triaging agencies (they are told of items left waiting, even where the
    /// county leaves triage to caseworkers). Nobody else: a tip may name a child, and the queue is
    /// need-to-know like a case.
    /// </summary>
    public static bool CanSeeQueue(TriageSettings settings, IReadOnlyCollection<string> roles, Guid agencyId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(roles);
        return CanTriage(settings, roles, agencyId) ||
               (roles.Contains(Roles.Supervisor) && (settings.Agencies.Count == 0 || settings.Agencies.Contains(agencyId)));
    }

    /// <summary>When an open item, last touched at <paramref name="lastActionUtc"/>, is flagged; null when the county set no triage time.</summary>
    public static DateTime? FlaggedFromUtc(DateTime lastActionUtc, int? hours) =>
        hours is { } h ? lastActionUtc.AddHours(h) : null;

    /// <summary>True when an open item has waited untouched past the county's triage time.</summary>
    public static bool IsFlagged(bool open, DateTime lastActionUtc, int? hours, DateTime nowUtc) =>
        open && FlaggedFromUtc(lastActionUtc, hours) is { } from && nowUtc >= from;

    /// <summary>The latest last-action time that is flagged at <paramref name="nowUtc"/>: a query filter (items touched at or before it).</summary>
    public static DateTime? FlaggedIfTouchedBeforeUtc(int? hours, DateTime nowUtc) =>
        hours is { } h ? nowUtc.AddHours(-h) : null;
}
