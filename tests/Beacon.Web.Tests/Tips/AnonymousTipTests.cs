using System.Net;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Tips;

[Trait("Category", "Data")]
public sealed class AnonymousTipTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static Dictionary<string, string> Tip(string what, string county = "monterey", string? website = null) => new()
    {
        ["Input.County"] = county,
        ["Input.What"] = what,
        ["Input.Where"] = "Bus stop on Main Street",
        ["Input.When"] = "Last Friday evening",
        ["Input.Who"] = "A girl about 15 and an older man",
        ["Input.Contact"] = "",
        ["Input.Website"] = website ?? "",
    };

    [Fact]
    public async Task Tip_Valid_IsStoredEncryptedThenThankedAndReachesOnlyItsCountysQueue()
    {
        var what = $"Saw a man giving a teenager hotel key cards {Guid.NewGuid():N}";
        var client = factory.CreateBrowserLikeClient();

        var posted = await client.PostFormAsync("/tip", Tip(what));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/tip/thanks", posted.Headers.Location?.OriginalString);
        Assert.Contains("Your tip was received", await (await client.GetAsync("/tip/thanks")).Content.ReadAsStringAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Tips.AsNoTracking()
                .Where(t => t.JurisdictionId == "monterey").ToListAsync();
            var tip = Assert.Single(stored, t => t.WhatProtected.Length > 0 && !t.WhatProtected.Contains(what, StringComparison.Ordinal)
                                                 && t.WhatProtected.StartsWith("dp1:", StringComparison.Ordinal));
            Assert.DoesNotContain("Bus stop", tip.WhereProtected);
        }

        // The queue lists the tip's item without its text (each look at what a tip says is audited, on the item's page).
        var item = await factory.QueryAsync(db => db.IntakeItems.AsNoTracking().Where(i => i.JurisdictionId == "monterey" && i.TipId != null)
            .OrderByDescending(i => i.ReceivedUtc).Select(i => i.Id).FirstAsync());
        var monterey = factory.CreateBrowserLikeClient();
        await monterey.SignInAsync(await factory.CreateInAsync("monterey", Roles.Caseworker));
        var queue = WebUtility.HtmlDecode(await (await monterey.GetAsync("/intake")).Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/intake/{item}\"", queue);
        Assert.DoesNotContain(what[..40], queue);

        var placer = factory.CreateBrowserLikeClient();
        await placer.SignInAsync(await factory.CreateInAsync("placer", Roles.Supervisor));
        Assert.DoesNotContain($"/intake/{item}", WebUtility.HtmlDecode(await (await placer.GetAsync("/intake?status=all")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await placer.GetAsync($"/intake/{item}")).StatusCode);
        var page = WebUtility.HtmlDecode(await (await monterey.GetAsync($"/intake/{item}")).Content.ReadAsStringAsync());
        // The tip's words as written, the sign in them marked by the note scanner.
        Assert.Contains("Saw a man giving a teenager <span class=\"scan-hit scan-present\" id=\"tip-f0\"><mark>hotel key cards</mark>", page);
        Assert.Contains(what[^32..], page);
        Assert.Contains("A girl about 15", page);
    }

    [Fact]
    public async Task Tip_MissingWhat_NamesTheFieldAndKeepsWhatWasTyped()
    {
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/tip", Tip(""));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What you saw or heard: write what happened", html);
        Assert.Contains("href=\"#Input_What\"", html);
        Assert.Contains("Bus stop on Main Street", html);
        Assert.Contains("A girl about 15 and an older man", html);
    }

    [Fact]
    public async Task Tip_TooLongOrNoCounty_SaysWhichFieldAndWhyAndStoresNothing()
    {
        var before = await CountAsync();
        var fields = Tip(new string('x', 4001), county: "");

        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().PostFormAsync("/tip", fields)).Content.ReadAsStringAsync());

        Assert.Contains("use at most 4000 characters (you wrote 4001)", html);
        Assert.Contains("Which county: choose the county", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Tip_HoneypotFilled_IsThankedButNotStored()
    {
        var before = await CountAsync();

        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/tip", Tip("spam text", website: "http://spam.example"));

        Assert.Equal("/tip/thanks", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Thanks_WithoutASubmittedTip_GoesBackToTheForm()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/tip/thanks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tip", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task IntakeQueue_ReporterRole_IsRefused()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Reporter));

        var response = await client.GetAsync("/intake");

        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
    }

    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Tips.CountAsync();
    }
}
