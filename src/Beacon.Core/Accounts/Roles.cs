namespace Beacon.Core.Accounts;

/// <summary>The staff roles, named once. Policies and pages refer to these constants only.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Supervisor = "Supervisor";
    public const string Caseworker = "Caseworker";
    public const string Reporter = "Reporter";
    public const string Analyst = "Analyst";
    public const string Trainer = "Trainer";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Supervisor, Caseworker, Reporter, Analyst, Trainer];

    /// <summary>
    /// Roles that can see a youth's identifying record (a reporter sees the reports they filed).
    /// A session in one of these roles must have passed a second factor.
    /// </summary>
    public static readonly IReadOnlySet<string> SeeYouthRecords =
        new HashSet<string>(StringComparer.Ordinal) { Administrator, Supervisor, Caseworker, Reporter };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
