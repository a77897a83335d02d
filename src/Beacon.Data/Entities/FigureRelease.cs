namespace Beacon.Data.Entities;

/// <summary>
/// One publication of a quarter's task-force figures (ADR-011): every count of the quarter's cube for the months
/// closed so far, with what a reader may learn of it. A release is written once and never changed; when another
/// month of the quarter closes, a new release is computed with every figure the earlier one showed still shown,
/// so that two releases together tell no more than the later one alone. Dashboards read the newest release.
/// </summary>
public class FigureRelease
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>yyyyq (<c>20264</c> for October to December 2026).</summary>
    public int Quarter { get; set; }
    /// <summary>The last month the release covers (yyyymm); the quarter's total is in it once this is its third month.</summary>
    public int ThroughMonth { get; set; }
    public DateTime ComputedUtc { get; set; }
    public List<FigureReleaseCell> Cells { get; set; } = [];
}

/// <summary>One count of a release: its cube key (family|period|place|category), exact value and disclosure.</summary>
public class FigureReleaseCell
{
    public const int KeyMax = 200;

    public Guid ReleaseId { get; set; }
    public required string Key { get; set; }
    /// <summary>The exact count; never leaves the server unless <see cref="Disclosure"/> is Shown.</summary>
    public long Count { get; set; }
    public Beacon.Core.Analytics.Disclosure Disclosure { get; set; }
}
