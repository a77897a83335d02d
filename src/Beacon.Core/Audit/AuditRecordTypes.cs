namespace Beacon.Core.Audit;

/// <summary>The kinds of record an audit entry names, spelt once (they are stored and hashed, so never renamed).</summary>
public static class AuditRecordTypes
{
    public const string Account = "Account";
    public const string Tip = "Tip";
    public const string Screen = "Screen";
    public const string AuditTrail = "AuditTrail";
    public const string Youth = "Youth";
    public const string Case = "Case";
    public const string Referral = "Referral";
    public const string MdtMeeting = "MdtMeeting";
    /// <summary>A list of cases (a work queue, a caseload export); the record id is the user whose list it is.</summary>
    public const string Caseload = "Caseload";

    public const string IntakeItem = "IntakeItem";
    public const string MandatedReport = "MandatedReport";
    /// <summary>A task-force dashboard of de-identified figures; the record id is its period and place (<c>2026-Q3/placer</c>).</summary>
    public const string Figures = "Figures";
    /// <summary>An agency's training roster (who passed which course): staff records, so views and exports are audited.</summary>
    public const string TrainingRoster = "TrainingRoster";

    public static readonly IReadOnlyList<string> All =
        [Account, Tip, Screen, AuditTrail, Youth, Case, Referral, MdtMeeting, Caseload, IntakeItem, MandatedReport, Figures, TrainingRoster];
}
