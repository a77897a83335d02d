namespace Beacon.Data.Entities;

public enum SetupPurpose
{
    /// <summary>Creates the first administrator when none exists.</summary>
    FirstAdministrator = 0,
    /// <summary>Lets an invited user choose a password and enrol an authenticator.</summary>
    Invitation = 1,
}

/// <summary>A one-time link. Only the SHA-256 of the token is stored; the token itself is shown once.</summary>
public class SetupToken
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TokenHash { get; set; }
    public SetupPurpose Purpose { get; set; }
    /// <summary>The invited user, for <see cref="SetupPurpose.Invitation"/>.</summary>
    public Guid? UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}
