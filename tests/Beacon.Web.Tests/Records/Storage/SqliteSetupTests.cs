using System.Diagnostics;
using Beacon.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records.Storage;

/// <summary>
/// The app's SQLite connections (ADR-015): WAL, a synced commit, SQLite's own busy wait; and the in-process write turn
/// that EF transactions take, which must always be given back. SQLite only: not in the "Data" category that reruns on
/// PostgreSQL, where none of this applies.
/// </summary>
public sealed class SqliteSetupTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10); // far below the 30 s a forgotten turn would cost

    [Fact]
    public async Task Connection_OpenedByTheApp_IsInWalWithFullSyncAndABusyTimeout()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(db, "synchronous")); // FULL
        Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
    }

    [Fact]
    public async Task WriteTurn_WhileOneTransactionIsOpen_TheNextWaitsAndBeginsWhenItCommits()
    {
        using var scope = factory.Services.CreateScope();
        await using var first = NewContext(scope);
        await using var second = NewContext(scope);
        await using var holding = await first.Database.BeginTransactionAsync();

        var waiting = second.Database.BeginTransactionAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await holding.CommitAsync();

        await using var next = await waiting.WaitAsync(Prompt);
        await next.RollbackAsync();
    }

    [Fact]
    public async Task WriteTurn_TransactionRolledBackOrAbandoned_IsGivenBack()
    {
        using var scope = factory.Services.CreateScope();
        await using var db = NewContext(scope);
        var clock = Stopwatch.StartNew();

        await (await db.Database.BeginTransactionAsync()).RollbackAsync();
        await (await db.Database.BeginTransactionAsync()).DisposeAsync(); // neither committed nor rolled back
        await using (var other = NewContext(scope))
        {
            await (await other.Database.BeginTransactionAsync().WaitAsync(Prompt)).RollbackAsync();
        }

        Assert.True(clock.Elapsed < Prompt, $"three transactions took {clock.Elapsed}");
    }

    [Fact]
    public async Task WriteTurn_AbandonedOnAConnectionKeptOpen_TheSameConnectionBeginsAgain()
    {
        using var scope = factory.Services.CreateScope();
        await using var db = NewContext(scope);
        await db.Database.OpenConnectionAsync();

        await (await db.Database.BeginTransactionAsync()).DisposeAsync();
        await using var again = await db.Database.BeginTransactionAsync().WaitAsync(Prompt);
        await again.CommitAsync();
        await db.Database.CloseConnectionAsync();

        await using var other = NewContext(scope);
        await (await other.Database.BeginTransactionAsync().WaitAsync(Prompt)).RollbackAsync();
    }

    private static BeaconDbContext NewContext(IServiceScope scope) =>
        ActivatorUtilities.CreateInstance<BeaconDbContext>(scope.ServiceProvider);

    private static async Task<string?> PragmaAsync(BeaconDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
