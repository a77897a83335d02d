using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Screening;

/// <summary>Every save of a staff screen leaves one audit entry: created or changed, draft or finish, the screen's id, no reference.</summary>
[Trait("Category", "Data")]
public sealed class SavedScreenAuditTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> Answers = new() { ["hotel-keys"] = 1, ["foster-care"] = 1 };

    [Fact]
    public async Task SaveDraftThenFinish_EachLeavesItsEntry_WithTheScreensIdAndNoReference()
    {
        var (user, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var reference = $"AUDIT-{Guid.NewGuid():N}"[..18];

        var id = await client.StartScreenAsync(Answers, reference);
        var draft = await ScreenEntriesAsync(id);
        var resaved = await client.SaveDraftAsync(id, Answers, reference);
        var finished = await client.SaveDraftAsync(id, Answers, reference, finish: true);

        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal([(AuditAction.Create, EditModel.AuditDetailDraft)], draft.Select(e => (e.Action, e.Detail)));
        var entries = await ScreenEntriesAsync(id);
        Assert.Equal(
            [(AuditAction.Create, EditModel.AuditDetailDraft), (AuditAction.Change, EditModel.AuditDetailDraft), (AuditAction.Change, EditModel.AuditDetailFinish)],
            entries.Select(e => (e.Action, e.Detail)));
        Assert.All(entries, e =>
        {
            Assert.Equal((user.Id, "Caseworker", AuditOutcome.Allowed), (e.UserId, e.Role, e.Outcome));
            Assert.DoesNotContain(reference, e.Detail ?? "", StringComparison.Ordinal);
        });
        Assert.Null((await factory.VerifyAsync()).Break);
    }

    [Fact]
    public async Task FinishedInOneSave_LeavesOneCreateEntry()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var id = await client.StartScreenAsync(Answers, finish: true);

        var entry = Assert.Single(await ScreenEntriesAsync(id));
        Assert.Equal((AuditAction.Create, EditModel.AuditDetailFinish), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task RefusedSave_ChangedInAnotherWindow_LeavesNoEntry()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var id = await client.StartScreenAsync(Answers);

        // The stamp of a form opened before another save: the page says so and stores nothing.
        var stale = await client.PostScreenAsync($"/screening/edit/{id}", ScreenTestKit.Form(Answers, stamp: Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Single(await ScreenEntriesAsync(id));
    }

    private async Task<List<Data.Entities.AuditLogEntry>> ScreenEntriesAsync(Guid id) =>
        (await factory.EntriesAsync()).Where(e => e.RecordType == AuditRecordTypes.Screen && e.RecordId == id.ToString()).ToList();
}
