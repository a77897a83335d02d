namespace Beacon.Data.Entities;

/// <summary>
/// An instrument version known to the database: one an administrator imported (its file text in
/// <see cref="Json"/>), or a shipped one (file under content/instruments/, <see cref="Json"/> null)
/// that has been retired. A retired version takes no new screens; screens scored with it keep it.
/// </summary>
public class InstrumentRecord
{
    public required string InstrumentId { get; set; }
    public int Version { get; set; }
    public string? Json { get; set; }
    public DateTime? ImportedUtc { get; set; }
    public Guid? ImportedByUserId { get; set; }
    public DateTime? RetiredUtc { get; set; }
    public Guid? RetiredByUserId { get; set; }
}
