using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beacon.Data;

/// <summary>
/// SQLite lets one transaction write at a time, and a transaction that finds the lock taken can only poll for it
/// (SQLite's busy handler sleeps between tries, a thread blocked all the while). Within this process, EF's
/// transactions on one database file therefore queue here first, asynchronously and in order, and each begins only
/// when the one before has committed or rolled back: the lock passes straight on, and no thread sleeps waiting.
/// Other processes on the same file (a second instance, the CLI) still meet SQLite's own locking and busy timeout.
/// A transaction that waits here longer than the connection's default timeout goes on without its turn and is left to
/// SQLite's locking, as before (a turn is never waited for forever). See ADR-015.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    // The turn a connection holds, so that it is given back once whatever ends its transaction (commit, rollback,
    // a failure, or the connection closing with the transaction abandoned: EF tells interceptors nothing when a
    // transaction is disposed uncommitted). A connection that still holds its turn begins its next transaction on it.
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];

    private SqliteWriteGate()
    {
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateOf(connection) is { } gate && !Held.TryGetValue(connection, out _) && await gate.WaitAsync(TimeoutOf(connection), cancellationToken))
        {
            Held.AddOrUpdate(connection, gate);
        }

        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (GateOf(connection) is { } gate && !Held.TryGetValue(connection, out _) && gate.Wait(TimeoutOf(connection)))
        {
            Held.AddOrUpdate(connection, gate);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);

    private static SemaphoreSlim? GateOf(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:"
            ? Files.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1))
            : null;

    private static TimeSpan TimeoutOf(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is SqliteConnection { DefaultTimeout: > 0 and var seconds } ? seconds : 30);

    // The transaction itself forgets its connection once it ends; the context that ran it does not.
    private static DbConnection? ConnectionOf(TransactionEventData eventData) => eventData.Context?.Database.GetDbConnection();

    private static Task Released(DbConnection? connection)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private static void Release(DbConnection? connection)
    {
        if (connection is not null && Held.TryGetValue(connection, out var gate) && Held.Remove(connection))
        {
            gate.Release();
        }
    }
}
