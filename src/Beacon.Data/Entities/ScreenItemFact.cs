using Beacon.Core.Screening;

namespace Beacon.Data.Entities;

/// <summary>
/// One item a completed screen recorded as possible or clear, by its catalog ID, with only what a figure needs:
/// county, agency and the California month the screen was finished (ADR-011). Written with the screen, in the
/// same save; <c>beacon facts rebuild</c> recomputes these rows from the screens' answers. No name, date, free
/// text or youth: the task-force figures read this table and never the screen's answers.
/// </summary>
public class ScreenItemFact
{
    public const int ItemIdMax = 64;

    public long Id { get; set; }
    public Guid ScreenId { get; set; }
    public required string JurisdictionId { get; set; }
    public Guid AgencyId { get; set; }
    /// <summary>yyyymm in California time (<see cref="Beacon.Core.Analytics.FigureMonth"/>).</summary>
    public int Month { get; set; }
    /// <summary>The catalog ID (<c>hotel-keys</c>), as every part of Beacon names the item.</summary>
    public required string ItemId { get; set; }
    public ConcernLevel Rating { get; set; }
}
