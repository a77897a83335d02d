using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

/// <summary>How a written report was sent (California: "send, fax, or electronically transmit", Penal Code § 11166(a)).</summary>
public enum ReportSentMethod
{
    Fax = 0,
    Electronic = 1,
    Mail = 2,
    HandDelivered = 3,
}

/// <summary>
/// A mandated reporter's report: the phone report (agency called, when, who took it, the reference
/// given), which starts the jurisdiction's written-report clock, and the written report drafted from
/// what Beacon knows, until it is recorded as sent. It belongs to its reporter; their agency's
/// supervisors see it and its clock. Everything that may name the child is encrypted.
/// </summary>
public class MandatedReport
{
    public const int ShortMax = 100;
    public const int AgencyNameMax = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    /// <summary>The reporting law it was made under (a <c>WrittenReportRule.Jurisdiction</c>, e.g. "CA").</summary>
    public required string LawId { get; set; }
    public Guid ReporterUserId { get; set; }
    public BeaconUser? Reporter { get; set; }
    /// <summary>The reporter's agency when the report was made: its supervisors see the clock.</summary>
    public Guid AgencyId { get; set; }
    public Guid? ScreenId { get; set; }
    public SavedScreen? Screen { get; set; }
    public Guid? CaseId { get; set; }
    public Case? Case { get; set; }

    /// <summary>
    /// When the reporter received the information concerning the incident, no later than the call: the
    /// written report is due within the law's hours of it (California: "within 36 hours of receiving the
    /// information", Penal Code § 11166(a)), whenever the call was made.
    /// </summary>
    public required DateTime LearnedUtc { get; set; }

    // The phone report.
    /// <summary>The county directory's contact that was called; null when the reporter named another agency.</summary>
    public string? CalledContactId { get; set; }
    /// <summary>The agency's name as it was when called (the directory may change later).</summary>
    public required string CalledAgency { get; set; }
    public DateTime PhonedUtc { get; set; }
    [Encrypted] public required string TakenBy { get; set; }
    [Encrypted] public string? ReferenceNumber { get; set; }
    /// <summary>The time the information was received plus the law's hours, stored so that lists of open clocks sort and filter in the database.</summary>
    public DateTime WrittenDueUtc { get; set; }

    // The written report.
    /// <summary>The written report's fields, as JSON (field id → text), encrypted; null until first saved.</summary>
    [Encrypted] public string? DraftJson { get; set; }
    public DateTime? DraftSavedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public ReportSentMethod? SentMethod { get; set; }
    /// <summary>Where it went: the fax number, address or portal, in the reporter's words.</summary>
    [Encrypted] public string? SentTo { get; set; }
    public Guid? SentRecordedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public Guid Stamp { get; set; } = Guid.NewGuid();

    public bool IsSent => SentUtc is not null;
}
