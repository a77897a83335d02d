using Beacon.Web.Tests.Infrastructure;
using Beacon.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Audit;

/// <summary>
/// An attacker with database rights drops the append-only triggers and edits the trail; the chain
/// still names the first entry that no longer fits. Each test has a fresh database and trail.
/// </summary>
[Trait("Category", "Data")]
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly BeaconFactory _factory = new();

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        for (var i = 1; i <= 5; i++)
        {
            await _factory.AppendAsync($"record-{i}");
        }
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Verify_Untouched_VerifiesEveryEntry()
    {
        var result = await _factory.VerifyAsync();

        Assert.Null(result.Break);
        Assert.Equal(5, result.Verified);
        Assert.Equal(5, result.HeadSequence);
    }

    [Fact]
    public async Task Update_WithTriggers_IsRefusedByTheDatabase()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "RecordId" = 'x' WHERE "Sequence" = 3"""));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Sequence" = 3"""));
        Assert.Null((await _factory.VerifyAsync()).Break);
    }

    [Fact]
    public async Task Verify_FieldEdited_NamesThatEntry()
    {
        await _factory.TamperAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "RecordId" = 'other' WHERE "Sequence" = 3"""));

        var result = await _factory.VerifyAsync();

        Assert.Equal(3, result.Break?.Sequence);
        Assert.Contains("changed", result.Break!.Reason);
        Assert.Equal(2, result.Verified);
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_NamesTheMissingEntry()
    {
        await _factory.TamperAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Sequence" = 3"""));

        var result = await _factory.VerifyAsync();

        Assert.Equal(3, result.Break?.Sequence);
        Assert.Contains("missing", result.Break!.Reason);
    }

    [Fact]
    public async Task Verify_TwoEntriesContentsSwapped_NamesTheFirstOfThem()
    {
        // Every column but the key moves, hashes included: each row is self-consistent, the order is not.
        await _factory.TamperAsync(async db =>
        {
            var two = await db.AuditLog.SingleAsync(e => e.Sequence == 2);
            var three = await db.AuditLog.SingleAsync(e => e.Sequence == 3);
            (two.RecordId, three.RecordId) = (three.RecordId, two.RecordId);
            (two.UserId, three.UserId) = (three.UserId, two.UserId);
            (two.OccurredUtc, three.OccurredUtc) = (three.OccurredUtc, two.OccurredUtc);
            (two.PreviousHash, three.PreviousHash) = (three.PreviousHash, two.PreviousHash);
            (two.Hash, three.Hash) = (three.Hash, two.Hash);
            await db.SaveChangesAsync();
        });

        var result = await _factory.VerifyAsync();

        Assert.Equal(2, result.Break?.Sequence);
    }

    [Fact]
    public async Task Verify_NewestEntriesDeleted_NamesTheFirstMissingOneFromTheHead()
    {
        await _factory.TamperAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Sequence" >= 4"""));

        var result = await _factory.VerifyAsync();

        Assert.Equal(4, result.Break?.Sequence);
        Assert.Contains("head", result.Break!.Reason);
        Assert.Equal(3, result.Verified);
    }

    [Fact]
    public async Task Verify_HeadRowDeleted_ReportsTheMissingHead()
    {
        await _factory.TamperAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditHeads" """));

        var result = await _factory.VerifyAsync();

        Assert.NotNull(result.Break);
        Assert.Contains("head", result.Break!.Reason);
    }
}
