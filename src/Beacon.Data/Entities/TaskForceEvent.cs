namespace Beacon.Data.Entities;

public enum TaskForceEventKind
{
    Event = 0,
    Training = 1,
}

/// <summary>
/// A task force event or training that the public may register for. It is never deleted: a trainer
/// cancels it, so that registrants still find out from their personal link.
/// </summary>
public class TaskForceEvent
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int LocationMax = 300;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public TaskForceEventKind Kind { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleEs { get; set; }
    public required string DescriptionEn { get; set; }
    public required string DescriptionEs { get; set; }
    public required string Location { get; set; }
    public DateTime StartsUtc { get; set; }
    public DateTime EndsUtc { get; set; }
    /// <summary>Confirmed seats; registrations past it join the waitlist. At least 1.</summary>
    public int Capacity { get; set; }
    public bool IsCancelled { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<EventRegistration> Registrations { get; set; } = [];

    public string Title(string language) => language == "es" ? TitleEs : TitleEn;
    public string Description(string language) => language == "es" ? DescriptionEs : DescriptionEn;
}
