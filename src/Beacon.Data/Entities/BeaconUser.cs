using Microsoft.AspNetCore.Identity;

namespace Beacon.Data.Entities;

/// <summary>A staff account. Every user belongs to one agency, and so to one jurisdiction.</summary>
public class BeaconUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>Disabled by an administrator: cannot sign in, and existing sessions end.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>The last TOTP time step accepted, so that no code is accepted twice.</summary>
    public long? LastTotpTimeStep { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    // What a mandated report says of its reporter (California Penal Code § 11167(a)), kept so that the
    // next report is prefilled: work details, not personal ones.
    public const int WorkFieldMax = 200;
    public string? WorkAddress { get; set; }
    public string? WorkPhone { get; set; }
    /// <summary>The capacity that makes the person a mandated reporter ("teacher", "school counselor").</summary>
    public string? ReporterCapacity { get; set; }
}
