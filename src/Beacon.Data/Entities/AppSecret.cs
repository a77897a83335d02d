namespace Beacon.Data.Entities;

/// <summary>
/// A secret the application generates once and every instance shares (for example the blind-index
/// HMAC key), stored encrypted with Data Protection.
/// </summary>
public class AppSecret
{
    public required string Name { get; set; }
    public required string Protected { get; set; }
    public DateTime CreatedUtc { get; set; }
}
