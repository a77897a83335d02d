namespace Beacon.Core.Audit;

/// <summary>
/// What an audit entry records. The numbers are stored and hashed, so they never change and are
/// never reused; a new action takes the next free number in its block.
/// </summary>
public enum AuditAction
{
    // Accounts 1–99
    SignIn = 1,
    SignInFailed = 2,
    SignOut = 3,

    // Case data 100–199
    View = 100,
    Create = 101,
    Change = 102,
    Export = 103,
    Search = 104,

    // Access 200–299
    AccessRefused = 200,
    BreakTheGlass = 201,

    // Housekeeping 300–399
    Purge = 300,
}

public enum AuditOutcome
{
    Allowed = 1,
    Refused = 2,
    Failed = 3,
}
