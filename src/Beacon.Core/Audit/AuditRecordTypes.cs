namespace Beacon.Core.Audit;

/// <summary>The kinds of record an audit entry names, spelt once (they are stored and hashed, so never renamed).</summary>
public static class AuditRecordTypes
{
    public const string Account = "Account";
    public const string Tip = "Tip";
    public const string Screen = "Screen";
    public const string AuditTrail = "AuditTrail";

    public static readonly IReadOnlyList<string> All = [Account, Tip, Screen, AuditTrail];
}
