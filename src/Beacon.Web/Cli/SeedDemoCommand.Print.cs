using System.Security.Cryptography;
using Beacon.Core.Audit;

namespace Beacon.Web.Cli;

public sealed partial class SeedDemoCommand
{
    private async Task PrintAsync(List<DemoAccount> accounts, List<(string Type, Guid Id)> created)
    {
        int Count(string type) => created.Count(c => c.Type == type);
        await output.WriteLineAsync(
            $"Demo data created in {string.Join(" and ", Counties)}: {Counties.Length * 3 + 1} agencies named \"Demo ...\", {accounts.Count} accounts, " +
            $"{Count(AuditRecordTypes.Youth)} synthetic youth (every name ends in \"(demo)\") with {Count(AuditRecordTypes.Case)} cases, " +
            $"{Count(AuditRecordTypes.IntakeItem)} intake items and {Count(AuditRecordTypes.MandatedReport)} mandated report with its clock running.");
        await PrintAccountsAsync(accounts);
    }

    private async Task PrintAccountsAsync(List<DemoAccount> accounts)
    {
        await output.WriteLineAsync("Each password and authenticator key below is shown this once and kept nowhere else.");
        await output.WriteLineAsync("Sign in at /account/sign-in; add the key to an authenticator app for the six-digit code.");
        await output.WriteLineAsync();
        foreach (var a in accounts)
        {
            await output.WriteLineAsync($"{a.Email,-48} {a.Role,-11} password: {a.Password}   key: {Features.Accounts.AuthenticatorUri.Group(a.AuthenticatorKey)}");
        }
    }

    /// <summary>A password of 20 random characters in groups of five (about 99 bits), never a default.</summary>
    private static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(PasswordAlphabet, 5)));
}
