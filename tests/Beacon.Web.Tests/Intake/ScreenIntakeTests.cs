using Beacon.Core.Accounts;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Intake;

/// <summary>What a finished staff screen puts in the queue: its own item (possible or clear), or a higher level on its tip's item.</summary>
[Trait("Category", "Data")]
public sealed class ScreenIntakeTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    // beacon-full v1: third-party-benefit is exploitation (clear alone at 2), hotel-keys trafficking (possible alone at 1).
    private static readonly Dictionary<string, int?> Clear = new() { ["third-party-benefit"] = 2, ["hotel-keys"] = 1 };
    private static readonly Dictionary<string, int?> Possible = new() { ["hotel-keys"] = 1, ["withdrawal"] = 0 };
    private static readonly Dictionary<string, int?> NoConcern = new() { ["withdrawal"] = 0 };

    private Task<List<IntakeItem>> ItemsOfScreenAsync(Guid screen) =>
        factory.QueryAsync(db => db.IntakeItems.AsNoTracking().Where(i => i.ScreenId == screen).ToListAsync());

    public static TheoryData<string, string> Concerns => new() { { nameof(Possible), Roles.Reporter }, { nameof(Clear), Roles.Caseworker } };

    [Theory]
    [MemberData(nameof(Concerns))]
    public async Task FinishedScreen_PossibleOrClear_AddsOneNewItemToItsCountysQueue(string concern, string role)
    {
        var county = await factory.CountyAsync();
        var author = await factory.SignedInAsync(county, "Screening Agency", role);
        var answers = concern == nameof(Clear) ? Clear : Possible;

        var screen = await author.Client.StartScreenAsync(answers, finish: true);

        var item = Assert.Single(await ItemsOfScreenAsync(screen));
        var finished = (await factory.ScreenAsync(screen)).CompletedUtc!.Value;
        Assert.Equal((county, IntakeSource.Screen, IntakeStatus.New, Enum.Parse<ConcernLevel>(concern), finished, finished),
            (item.JurisdictionId, item.Source, item.Status, item.Level, item.ReceivedUtc, item.LastActionUtc));
        Assert.Null(item.TipId);
        var caseworker = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var page = await caseworker.PageAsync($"/intake/{item.Id}");
        Assert.Contains($"href=\"/screening/{screen}\"", page);
    }

    [Fact]
    public async Task Screen_NoConcernOrDraft_AddsNoItemUntilFinishedWithAConcern()
    {
        var county = await factory.CountyAsync();
        var author = await factory.SignedInAsync(county, "Screening Agency", Roles.Caseworker);

        var none = await author.Client.StartScreenAsync(NoConcern, finish: true);
        var draft = await author.Client.StartScreenAsync(Possible);

        Assert.Empty(await ItemsOfScreenAsync(none));
        Assert.Empty(await ItemsOfScreenAsync(draft));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await author.Client.SaveDraftAsync(draft, Possible, finish: true)).StatusCode);
        Assert.Equal(ConcernLevel.Possible, Assert.Single(await ItemsOfScreenAsync(draft)).Level);
        Assert.Equal(1, await factory.QueryAsync(db => db.IntakeItems.CountAsync(i => i.JurisdictionId == county)));
    }

    [Fact]
    public async Task ScreenOfConcernAboutAClosedTip_ReopensItsItem_AScreenOfNoConcernDoesNot()
    {
        var county = await factory.CountyAsync();
        var tip = await factory.TipItemAsync(county);
        await factory.QueryAsync(db => db.IntakeItems.Where(i => i.Id == tip.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IntakeStatus.Closed).SetProperty(i => i.CloseReason, IntakeCloseReason.NotEnoughInformation)));
        var author = await factory.SignedInAsync(county, "Screening Agency", Roles.Caseworker);

        await author.Client.StartScreenAsync(NoConcern, finish: true, tip: tip.TipId);
        Assert.Equal(IntakeStatus.Closed, (await factory.ItemAsync(tip.Id)).Status);
        await author.Client.StartScreenAsync(Possible, finish: true, tip: tip.TipId);

        var item = await factory.ItemAsync(tip.Id);
        Assert.Equal((IntakeStatus.New, ConcernLevel.Possible), (item.Status, item.Level));
        Assert.Contains("reopen:NewInformation", await factory.TriageCodesAsync(tip.Id));
    }

    [Fact]
    public async Task ScreensAboutATip_RaiseTheTipItemToTheHighestLevel_AndAddNoItem()
    {
        var county = await factory.CountyAsync();
        var tip = await factory.TipItemAsync(county);
        var author = await factory.SignedInAsync(county, "Screening Agency", Roles.Caseworker);
        var stamp = tip.Stamp;

        await author.Client.StartScreenAsync(NoConcern, finish: true, tip: tip.TipId);
        Assert.Equal(ConcernLevel.None, (await factory.ItemAsync(tip.Id)).Level);
        var possible = await author.Client.StartScreenAsync(Possible, finish: true, tip: tip.TipId);
        Assert.Equal(ConcernLevel.Possible, (await factory.ItemAsync(tip.Id)).Level);
        await author.Client.StartScreenAsync(Clear, finish: true, tip: tip.TipId);
        await author.Client.StartScreenAsync(Possible, finish: true, tip: tip.TipId);
        await author.Client.StartScreenAsync(Clear, tip: tip.TipId); // a draft counts for nothing

        var item = await factory.ItemAsync(tip.Id);
        Assert.Equal(ConcernLevel.Clear, item.Level);
        Assert.NotEqual(stamp, item.Stamp); // a triage form opened on the old level is refused
        Assert.Empty(await ItemsOfScreenAsync(possible));
        Assert.Equal(1, await factory.QueryAsync(db => db.IntakeItems.CountAsync(i => i.JurisdictionId == county)));
        Assert.Contains("Clear concern", await author.PageAsync("/intake"));
    }

    [Fact]
    public async Task ScreenAboutATipAlreadyLinked_IsTakenInByTheTipsCase()
    {
        var county = await factory.CountyAsync();
        var author = await factory.SignedInAsync(county, "Screening Agency", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(YouthRecords.YouthTestKit.UniqueName(), "Guardian Someone", county);
        var c = await factory.WriteCaseAsync(youth, author.User.AgencyId, author.User);
        var tip = await factory.TipItemAsync(county);
        IntakeKit.AssertBackToItem(await author.PostAsync($"/intake/{tip.Id}/link",
            new Dictionary<string, string> { ["caseId"] = c.Id.ToString(), ["stamp"] = tip.Stamp.ToString() }), tip.Id);

        var later = await author.Client.StartScreenAsync(Clear, finish: true, tip: tip.TipId);
        var draft = await author.Client.StartScreenAsync(Possible, tip: tip.TipId);

        Assert.Equal(c.Id, (await factory.ScreenAsync(later)).CaseId);
        Assert.Null((await factory.ScreenAsync(draft)).CaseId); // a draft is its author's alone until finished
        Assert.Equal(ConcernLevel.Clear, (await factory.ItemAsync(tip.Id)).Level);
    }
}
