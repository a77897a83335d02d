using Beacon.Core.Audit;

namespace Beacon.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var user = Guid.Parse($"00000000-0000-0000-0000-{i:D12}");
            var at = Start.AddSeconds(i).AddTicks(i);
            var recordId = $"record-{i}";
            var hash = AuditChain.ComputeHash(i, at, user, "Caseworker", AuditAction.View, "Case", recordId, AuditOutcome.Allowed, null, previous);
            entries.Add(new AuditEntry(i, at, user, "Caseworker", AuditAction.View, "Case", recordId, AuditOutcome.Allowed, null, previous, hash));
            previous = hash;
        }

        return entries;
    }

    [Fact]
    public void Verify_UntouchedChain_ReturnsNull()
    {
        var chain = Chain(5);
        Assert.Null(AuditChain.Verify(chain, (5, chain[^1].Hash)));
        Assert.Null(AuditChain.Verify([], (0, "")));
    }

    [Fact]
    public void Verify_EditedField_NamesThatEntry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { RecordId = "record-99" };
        var broken = AuditChain.Verify(chain);
        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("changed", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EditedFieldWithRecomputedHash_BreaksAtTheNextEntry()
    {
        // A forger who also recomputes the edited entry's hash still breaks the link to the next one.
        var chain = Chain(5);
        var edited = chain[2] with { Outcome = AuditOutcome.Refused };
        chain[2] = edited with { Hash = AuditChain.ComputeHash(edited) };
        Assert.Equal(4, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var broken = AuditChain.Verify(chain);
        Assert.Equal(2, broken!.Sequence);
        Assert.Contains("missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReorderedEntries_Break()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.Equal(2, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Verify_NewestEntriesDeleted_CaughtByTheRecordedHead()
    {
        var chain = Chain(5);
        var head = (5L, chain[^1].Hash);
        chain.RemoveRange(3, 2);
        Assert.Null(AuditChain.Verify(chain));
        var broken = AuditChain.Verify(chain, head);
        Assert.Equal(4, broken!.Sequence);
    }

    [Fact]
    public void ComputeHash_FieldBoundaries_AreUnambiguous()
    {
        var a = AuditChain.ComputeHash(1, Start, null, "ab", AuditAction.View, "c", null, AuditOutcome.Allowed, null, AuditChain.Genesis);
        var b = AuditChain.ComputeHash(1, Start, null, "a", AuditAction.View, "bc", null, AuditOutcome.Allowed, null, AuditChain.Genesis);
        var nullVsEmpty = AuditChain.ComputeHash(1, Start, null, "", AuditAction.View, "c", null, AuditOutcome.Allowed, null, AuditChain.Genesis);
        var withNull = AuditChain.ComputeHash(1, Start, null, null, AuditAction.View, "c", null, AuditOutcome.Allowed, null, AuditChain.Genesis);
        Assert.NotEqual(a, b);
        Assert.NotEqual(nullVsEmpty, withNull);
    }

    [Fact]
    public void ComputeHash_LocalTime_IsRefused() =>
        Assert.Throws<ArgumentException>(() => AuditChain.ComputeHash(
            1, DateTime.SpecifyKind(Start, DateTimeKind.Local), null, null, AuditAction.SignIn, "Account", null, AuditOutcome.Allowed, null, AuditChain.Genesis));
}
