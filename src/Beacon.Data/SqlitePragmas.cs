using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beacon.Data;

/// <summary>
/// How Beacon's SQLite connections are set up (ADR-015), once per physical connection (the pool reuses them):
/// <c>journal_mode=WAL</c>, so that readers do not block the writer nor it them and a commit appends to the log with
/// one fsync instead of the rollback journal's several; <c>synchronous=FULL</c>, so that a commit is on disk before it
/// is acknowledged, even through a power loss (WAL's usual NORMAL could lose the last commits then);
/// <c>busy_timeout=30000</c>, so that a writer waiting for another's lock waits inside SQLite, which retries within a
/// millisecond or two at first, rather than in Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between tries.
/// The journal mode is stored in the file; the synchronous setting is not, so both are set on every new connection.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Statements = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public static readonly SqlitePragmas Instance = new();

    // Keyed by the native handle, which outlives the SqliteConnection objects that the pool hands it to.
    private static readonly ConditionalWeakTable<object, object> SetUp = [];

    private SqlitePragmas()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || SetUp.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = Statements;
        command.ExecuteNonQuery();
        SetUp.AddOrUpdate(handle, Instance);
    }
}
