namespace Beacon.Data.Entities;

/// <summary>
/// An anonymous tip from the public; its triage is its <see cref="IntakeItem"/> in the county's intake queue. The free-text fields may
/// name a child, so they are stored encrypted (see Beacon.Web's SensitiveText); nothing about the
/// sender's device or address is kept.
/// </summary>
public class Tip
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public DateTime ReceivedUtc { get; set; }
    /// <summary>"en" or "es": the language the tip was written in.</summary>
    public required string Language { get; set; }
    public required string WhatProtected { get; set; }
    public string? WhereProtected { get; set; }
    public string? WhenProtected { get; set; }
    public string? WhoProtected { get; set; }
    public string? ContactProtected { get; set; }
}
