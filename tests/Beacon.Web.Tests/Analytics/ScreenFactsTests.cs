using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// The item facts the figures count (ADR-011): written in the same save as a screen finished through the form, none
/// for a draft, and exactly what <c>beacon facts rebuild</c> recomputes from the screens.
/// </summary>
[Trait("Category", "Data")]
public sealed class ScreenFactsTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task FinishingAScreen_WritesOneFactPerItemRatedPossibleOrClear_AndADraftNone()
    {
        var (user, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var answers = factory.FullInstrument().Items.ToDictionary(i => i.Id, _ => (int?)(int)ConcernLevel.None);
        answers["hotel-keys"] = (int)ConcernLevel.Clear;
        answers["older-partner"] = (int)ConcernLevel.Possible;
        answers["cash-rolls"] = null;

        var finished = await client.StartScreenAsync(answers, finish: true);
        var draft = await client.StartScreenAsync(answers);

        var facts = await factory.QueryAsync(db => db.ScreenItemFacts.Where(f => f.ScreenId == finished || f.ScreenId == draft).ToListAsync());
        Assert.Equal(["hotel-keys", "older-partner"], facts.Select(f => f.ItemId).Order());
        Assert.All(facts, f =>
        {
            Assert.Equal(finished, f.ScreenId);
            Assert.Equal("placer", f.JurisdictionId);
            Assert.Equal(user.AgencyId, f.AgencyId);
            Assert.Equal(FigureMonth.Of(DateTime.UtcNow), f.Month);
        });
        Assert.Equal(ConcernLevel.Possible, facts.Single(f => f.ItemId == "older-partner").Rating);
    }

    [Fact]
    public async Task Rebuild_AfterScreensWereFinished_WritesTheSameFacts()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var answers = factory.FullInstrument().Items.ToDictionary(i => i.Id, i => (int?)(i.Id.Length % 3));
        await client.StartScreenAsync(answers, finish: true);
        await client.StartScreenAsync(answers.ToDictionary(a => a.Key, a => (int?)(2 - (a.Value ?? 0))), finish: true);
        // A screen rating online contact and naming a platform: its platform fact is rebuilt too.
        var online = ScreenTestKit.Form(new Dictionary<string, int?> { ["online-contact"] = 2 }, finish: true);
        online["platforms"] = "snapchat";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PostScreenAsync(ScreenTestKit.NewFullScreen, online)).StatusCode);
        var before = await factory.QueryAsync(Snapshot);
        Assert.NotEmpty(before);
        Assert.Contains(before, f => f.Contains("|platform:snapchat|Clear", StringComparison.Ordinal));

        using (var scope = factory.Services.CreateScope())
        {
            var (screens, facts) = await ScreenFacts.RebuildAsync(scope.ServiceProvider.GetRequiredService<BeaconDbContext>(), null, CancellationToken.None);
            Assert.True(screens >= 2);
            Assert.Equal(before.Count, facts);
        }

        Assert.Equal(before, await factory.QueryAsync(Snapshot));
    }

    private static async Task<List<string>> Snapshot(BeaconDbContext db) =>
        (await db.ScreenItemFacts.Select(f => new { f.ScreenId, f.JurisdictionId, f.AgencyId, f.Month, f.ItemId, f.Rating }).ToListAsync())
        .Select(f => $"{f.ScreenId}|{f.JurisdictionId}|{f.AgencyId}|{f.Month}|{f.ItemId}|{f.Rating}").Order(StringComparer.Ordinal).ToList();
}
