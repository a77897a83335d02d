using Beacon.Core.Screening;

namespace Beacon.Data.Entities;

/// <summary>
/// A screen saved by a staff member: the instrument version it was scored with, every answer, the
/// level and the reasons as they were at the time. A draft (<see cref="CompletedUtc"/> null) can be
/// changed by its author only; a completed screen never changes, so history shows what was decided
/// when.
/// </summary>
public class SavedScreen
{
    public const int InstrumentIdMax = 64;
    public const int SubjectReferenceMax = 64;
    public const int DismissedSuggestionsMax = 4000;
    public const int PlatformsMax = 256;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public Guid AgencyId { get; set; }
    public Guid AuthorId { get; set; }
    public BeaconUser? Author { get; set; }
    public required string InstrumentId { get; set; }
    public int InstrumentVersion { get; set; }
    /// <summary>Every item of the instrument: <c>{"GEN-01":2,"RISK-03":null}</c> (null is unknown).</summary>
    public required string AnswersJson { get; set; }
    public ConcernLevel Level { get; set; }
    /// <summary>The rules that fired, the items left unknown and the risk factors noted, as scored.</summary>
    public required string ReasonsJson { get; set; }
    /// <summary>The intake item (a tip) this screen is about, if any.</summary>
    public Guid? TipId { get; set; }
    public Tip? Tip { get; set; }
    /// <summary>The case this screen belongs to, once a case takes it in (ADR-009).</summary>
    public Guid? CaseId { get; set; }
    public Case? Case { get; set; }
    /// <summary>The staff member's reference for the youth (a case or referral number, never a name), encrypted.</summary>
    public string? SubjectProtected { get; set; }
    /// <summary>HMAC of the normalised reference: finds the same youth's screens without decrypting.</summary>
    public string? SubjectIndex { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    /// <summary>Changed on every save, so that two tabs cannot overwrite each other's draft unseen.</summary>
    public Guid Stamp { get; set; } = Guid.NewGuid();
    /// <summary>
    /// The catalog IDs of the note scanner's "rate it?" suggestions the author put aside on this screen
    /// (<c>["hotel-keys"]</c>), so that they are not offered again; null when none was. Never an answer.
    /// </summary>
    public string? DismissedSuggestionsJson { get; set; }
    /// <summary>The youth's age band as the screener knows it; null when not known (issue 8's figures).</summary>
    public AgeBand? AgeBand { get; set; }
    /// <summary>The youth's gender as they describe themselves; null when not known or not said.</summary>
    public YouthGender? Gender { get; set; }
    /// <summary>
    /// The <see cref="OnlinePlatforms"/> IDs where online contact happened (<c>["snapchat"]</c>); on a finished screen
    /// only when it rates online contact possible or clear, else null.
    /// </summary>
    public string? PlatformsJson { get; set; }

    public bool IsDraft => CompletedUtc is null;
}
