using System.Globalization;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// What a case summary PDF shows, already read, decrypted and put into words (statuses, kinds) in the
/// reader's language: <see cref="CaseSummaryPdf"/> only lays it out. <see cref="Youth"/> is null when
/// the reader does not see the youth's identity.
/// </summary>
public sealed record CaseSummary(
    Guid CaseId, DateTime GeneratedUtc, CultureInfo Culture,
    SummaryYouth? Youth,
    string Status, string Agency, string? Caseworker, DateTime OpenedUtc, DateTime? ClosedUtc,
    IReadOnlyList<SummaryStatusChange> History,
    IReadOnlyList<SummaryMember> Team,
    IReadOnlyList<SummaryService> Services,
    SummarySafetyPlan? SafetyPlan,
    IReadOnlyList<SummaryNote> Notes,
    IReadOnlyList<SummaryTask> Tasks);

public sealed record SummaryYouth(
    string LegalName, string? PreferredName, DateOnly? DateOfBirth, string? Pronouns, string? Language, bool Purged);

public sealed record SummaryStatusChange(DateTime AtUtc, string From, string To, string By, string? Reason);

/// <summary>A team member or MDT invitee; <see cref="InvitedUntilUtc"/> is set for an invitee.</summary>
public sealed record SummaryMember(string Name, string? Agency, DateTime? InvitedUntilUtc);

public sealed record SummaryService(string Kind, string? Provider, string Status, DateTime UpdatedUtc);

public sealed record SummarySafetyPlan(string Text, string By, DateTime UpdatedUtc);

/// <summary>A note's latest version: <see cref="Version"/> greater than 1 means it was edited.</summary>
public sealed record SummaryNote(string Author, DateTime CreatedUtc, int Version, DateTime EditedUtc, string Text);

public sealed record SummaryTask(string Title, DateOnly? Due, string? Assignee, DateTime? DoneUtc);
