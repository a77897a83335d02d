using System.Data.Common;
using Beacon.Data;
using Beacon.Web.Features.Audit;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon audit verify</c>: checks the whole hash chain against its head. Exit 0 when intact,
/// 1 when broken (naming the first broken entry) or when there is no database to read. It never
/// migrates or creates a database: verifying must not change what it verifies.
/// </summary>
public sealed class AuditVerifyCommand(IServiceProvider services, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite && SqliteFile(options.ConnectionString!) is { } path && !File.Exists(path))
        {
            await error.WriteLineAsync($"No database at {path}: nothing to verify. (Start Beacon once, or set Beacon:Database.)");
            return 1;
        }

        try
        {
            using var scope = services.CreateScope();
            var result = await AuditVerification.RunAsync(scope.ServiceProvider.GetRequiredService<BeaconDbContext>(), ct);
            if (result.Break is { } broken)
            {
                await error.WriteLineAsync($"Audit trail BROKEN at entry {broken.Sequence}: {broken.Reason}.");
                await error.WriteLineAsync($"{result.Verified} entries verified before it; the recorded head is entry {result.HeadSequence}.");
                return 1;
            }

            await output.WriteLineAsync($"Audit trail verified: {result.Verified} entries");
            // Printed so that an operator can keep it elsewhere: a later run whose head differs from a
            // kept copy shows a rewrite that the chain alone cannot (see ADR-007).
            await output.WriteLineAsync($"Head: entry {result.HeadSequence}, hash {result.HeadHash}");
            return 0;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"Cannot read the audit trail: {ex.Message}");
            return 1;
        }
    }

    private static string? SqliteFile(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
    }
}
