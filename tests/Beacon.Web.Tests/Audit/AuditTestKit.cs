using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Encryption;
using Beacon.Data.Entities;
using Beacon.Web.Features.Audit;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beacon.Web.Tests.Audit;

/// <summary>What the audit tests share: reading the trail, writing to it, and tampering with it as a database owner could.</summary>
internal static class AuditTestKit
{
    public static async Task<List<AuditLogEntry>> EntriesAsync(this BeaconFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<AuditVerificationResult> VerifyAsync(this BeaconFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await AuditVerification.RunAsync(scope.ServiceProvider.GetRequiredService<BeaconDbContext>());
    }

    /// <summary>A trail writer of its own, with its own semaphore: several of them race as separate processes would.</summary>
    public static AuditTrail SeparateWriter(this BeaconFactory factory) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), new HttpContextAccessor(), TimeProvider.System, NullLogger<AuditTrail>.Instance);

    /// <summary>A trail writer of its own whose database contexts carry <paramref name="interceptor"/> (to make commits wait or fail).</summary>
    public static AuditTrail WriterWith(this BeaconFactory factory, IInterceptor interceptor)
    {
        var options = factory.Services.GetRequiredService<DatabaseOptions>();
        var services = new ServiceCollection();
        services.AddSingleton(factory.Services.GetRequiredService<IColumnProtector>());
        services.AddDbContext<BeaconDbContext>(b =>
        {
            DatabaseSetup.Configure(b, options);
            b.AddInterceptors(interceptor);
        });
        var scopes = services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        return new(scopes, new HttpContextAccessor(), TimeProvider.System, NullLogger<AuditTrail>.Instance);
    }

    public static Task<long> AppendAsync(this BeaconFactory factory, string recordId, string? detail = null) =>
        factory.Services.GetRequiredService<AuditTrail>().AppendAsync(
            new AuditRecord(AuditAction.View, AuditRecordTypes.Tip, recordId, AuditOutcome.Allowed, Guid.NewGuid(), "Caseworker", detail));

    /// <summary>Runs SQL as the database's owner would: the append-only triggers dropped first.</summary>
    public static async Task TamperAsync(this BeaconFactory factory, Func<BeaconDbContext, Task> tamper)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        await DropTriggersAsync(db);
        await tamper(db);
    }

    public static async Task DropTriggersAsync(BeaconDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditLog_AppendOnly" ON "AuditLog"; DROP TRIGGER "AuditLog_NoTruncate" ON "AuditLog";""");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditLog_NoUpdate";""");
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditLog_NoDelete";""");
        }
    }

    /// <summary>A tip in the given county, stored as the public form would store it.</summary>
    public static async Task<Guid> TipAsync(this BeaconFactory factory, string county)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var tip = new Tip { JurisdictionId = county, Language = "en", ReceivedUtc = DateTime.UtcNow, WhatProtected = sensitive.Protect("synthetic test tip") };
        db.Tips.Add(tip);
        db.IntakeItems.Add(IntakeItem.ForTip(tip));
        await db.SaveChangesAsync();
        return tip.Id;
    }
}

/// <summary>
/// The first commit waits until the test releases it; the commits numbered in <paramref name="failing"/> (the second
/// unless told) fail, as a full disk, a lost connection or a refused value would.
/// </summary>
internal sealed class GatedCommits(params int[] failing) : DbTransactionInterceptor
{
    public const string Failure = "Commit refused (simulated by the test).";
    private readonly HashSet<int> _failing = failing.Length > 0 ? [.. failing] : [2];
    private int _commits;

    public TaskCompletionSource FirstReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Commits => Volatile.Read(ref _commits);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var commit = Interlocked.Increment(ref _commits);
        if (commit == 1)
        {
            FirstReached.SetResult();
            await Release.Task;
        }
        else if (_failing.Contains(commit))
        {
            throw new InvalidOperationException(Failure);
        }

        return result;
    }
}
