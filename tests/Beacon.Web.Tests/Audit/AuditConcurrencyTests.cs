using System.Diagnostics;
using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Beacon.Web.Tests.Audit;

/// <summary>Writers at the same moment must queue, never fork the chain (two entries on the same predecessor).</summary>
[Trait("Category", "Data")]
public sealed class AuditConcurrencyTests(BeaconFactory factory, ITestOutputHelper output) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Append_FiftySeparateWritersAtOnce_ChainsFiftyConsecutiveEntries()
    {
        var before = (await factory.EntriesAsync()).Count;
        var markers = Enumerable.Range(1, 50).Select(i => $"parallel-{i}").ToList();
        // Ten writers with a semaphore each, so the database's own locking is what keeps them in line.
        var writers = Enumerable.Range(0, 10).Select(_ => factory.SeparateWriter()).ToList();
        var clock = Stopwatch.StartNew();

        var sequences = await Task.WhenAll(markers.Select((m, i) => Task.Run(() => writers[i % writers.Count].AppendAsync(
            new Web.Infrastructure.AuditRecord(AuditAction.View, AuditRecordTypes.Tip, m, AuditOutcome.Allowed, null, null)))));

        output.WriteLine($"50 parallel appends from 10 writers: {clock.ElapsedMilliseconds} ms (a figure, not a limit)");
        Assert.Equal(Enumerable.Range(before + 1, 50).Select(i => (long)i), sequences.Order());
        var entries = await factory.EntriesAsync();
        Assert.Equal(markers.Order(), entries.Skip(before).Select(e => e.RecordId!).Order());
        Assert.Equal(entries.Count, entries.Select(e => e.PreviousHash).Distinct().Count());
        var result = await factory.VerifyAsync();
        Assert.Null(result.Break);
        Assert.Equal(before + 50, result.Verified);
    }

    [Fact]
    public async Task Append_TwoHundredCallersOnOneTrail_EachGetsItsOwnSequenceInOneContiguousChain()
    {
        var before = (await factory.EntriesAsync()).Count;
        var trail = factory.Services.GetRequiredService<Web.Infrastructure.AuditTrail>();
        var markers = Enumerable.Range(1, 200).Select(i => $"grouped-{i}").ToList();
        var clock = Stopwatch.StartNew();

        var sequences = await Task.WhenAll(markers.Select(m => Task.Run(() => trail.AppendAsync(
            new Web.Infrastructure.AuditRecord(AuditAction.View, AuditRecordTypes.Tip, m, AuditOutcome.Allowed, null, null)))));

        output.WriteLine($"200 parallel appends on one trail: {clock.ElapsedMilliseconds} ms (a figure, not a limit)");
        Assert.Equal(Enumerable.Range(before + 1, 200).Select(i => (long)i), sequences.Order());
        var entries = (await factory.EntriesAsync()).ToDictionary(e => e.Sequence);
        // Each caller's sequence is the entry holding its own record, not merely a number from the batch.
        Assert.All(markers.Zip(sequences), p => Assert.Equal(p.First, entries[p.Second].RecordId));
        var result = await factory.VerifyAsync();
        Assert.Null(result.Break);
        Assert.Equal(before + 200, result.Verified);
    }

    /// <summary>
    /// A batch whose commit fails is tried again one entry at a time, so that only the caller whose own entry is
    /// refused fails: here the batch's commit (the second) and the first entry's own (the third) fail.
    /// </summary>
    [Fact]
    public async Task Append_BatchWhoseCommitFails_EachEntryTriedAloneAndOnlyTheRefusedOneFails()
    {
        var before = (await factory.EntriesAsync()).Count;
        var commits = new GatedCommits(2, 3);
        using var writer = factory.WriterWith(commits);

        var (first, failing) = await QueueBehindAGatedCommitAsync(writer, commits);

        Assert.Equal(before + 1, await first);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => failing[0]);
        Assert.Contains(GatedCommits.Failure, ex.ToString(), StringComparison.Ordinal);
        for (var i = 1; i < failing.Count; i++)
        {
            Assert.Equal(before + 1 + i, await failing[i]);
        }

        Assert.Equal(12, commits.Commits);
        var entries = await factory.EntriesAsync();
        Assert.Equal(before + 10, entries.Count);
        Assert.DoesNotContain(entries, e => e.RecordId == "failed-1");
        var result = await factory.VerifyAsync();
        Assert.Null(result.Break);
        Assert.Equal(before + 10, result.Verified);
    }

    /// <summary>When the batch and two entries alone in a row fail, the database itself is refusing: the rest of the
    /// batch fails at once, nothing of it is stored, and the trail carries on from the last committed entry.</summary>
    [Fact]
    public async Task Append_DatabaseRefusingEveryCommit_FailsEveryCallerOfTheBatchAndStoresNone()
    {
        var before = (await factory.EntriesAsync()).Count;
        var commits = new GatedCommits(2, 3, 4);
        using var writer = factory.WriterWith(commits);

        var (first, failing) = await QueueBehindAGatedCommitAsync(writer, commits);

        Assert.Equal(before + 1, await first);
        foreach (var append in failing)
        {
            var ex = await Assert.ThrowsAnyAsync<Exception>(() => append);
            Assert.Contains(GatedCommits.Failure, ex.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(4, commits.Commits);
        var entries = await factory.EntriesAsync();
        Assert.Equal(before + 1, entries.Count);
        Assert.DoesNotContain(entries, e => e.RecordId?.StartsWith("failed-", StringComparison.Ordinal) == true);
        Assert.Equal(before + 2, await writer.AppendAsync(Record("after-failure")));
        var result = await factory.VerifyAsync();
        Assert.Null(result.Break);
        Assert.Equal(before + 2, result.Verified);
    }

    [Fact]
    public async Task Append_RecordIdLongerThanItsColumn_StoredCutAndTheChainVerifies()
    {
        var before = (await factory.EntriesAsync()).Count;
        var id = new string('x', AuditLogEntry.RecordIdMax + 40);

        var sequence = await factory.Services.GetRequiredService<Web.Infrastructure.AuditTrail>().AppendAsync(Record(id));

        Assert.Equal(before + 1, sequence);
        var stored = (await factory.EntriesAsync()).Single(e => e.Sequence == sequence);
        Assert.Equal(id[..AuditLogEntry.RecordIdMax], stored.RecordId);
        Assert.Null((await factory.VerifyAsync()).Break);
    }

    private static Web.Infrastructure.AuditRecord Record(string marker) => new(AuditAction.View, AuditRecordTypes.Tip, marker, AuditOutcome.Allowed, null, null);

    /// <summary>One entry whose commit waits, then ten queued behind it, so that the next batch takes all ten.</summary>
    private static async Task<(Task<long> First, List<Task<long>> Queued)> QueueBehindAGatedCommitAsync(
        Web.Infrastructure.AuditTrail writer, GatedCommits commits)
    {
        var first = writer.AppendAsync(Record("gated-first"));
        await commits.FirstReached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var queued = Enumerable.Range(1, 10).Select(i => writer.AppendAsync(Record($"failed-{i}"))).ToList();
        commits.Release.SetResult();
        return (first, queued);
    }

    [Fact]
    public async Task TipItemPage_FiftyParallelRequests_EachWritesItsEntriesAndTheChainVerifies()
    {
        var user = await factory.CreateAsync(Roles.Caseworker);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        var tip = await factory.TipAsync("placer");
        // The tip's old address leads to its intake item, which shows the tip.
        var item = (await client.GetAsync($"/intake/tips/{tip}")).Headers.Location!.OriginalString;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync(item)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var entries = await factory.EntriesAsync();
        Assert.Equal(50, entries.Count(e => e.RecordId == tip.ToString() && e.Action == AuditAction.View && e.RecordType == AuditRecordTypes.Tip));
        Assert.Equal(50, entries.Count(e => item.EndsWith(e.RecordId ?? "-", StringComparison.Ordinal) &&
                                            e.Action == AuditAction.View && e.RecordType == AuditRecordTypes.IntakeItem));
        Assert.Null((await factory.VerifyAsync()).Break);
    }
}
