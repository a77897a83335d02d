using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// Screens by age band and by gender (totals shared with screens by level, so one linked table) and online contact by
/// platform, on a county with screens in last quarter: every shown figure is the true count, none from 1 to 10, and
/// the "unknown" category is what keeps the shared totals equal.
/// </summary>
[Trait("Category", "Data")]
public sealed class ProfileFiguresTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static TestUser? _analyst;

    // Per month at the county: age [under12, 12–13, 14–15, 16–17, 18–20, unknown, all]; gender [girl, boy, another, unknown, all].
    private static readonly long[] AgeMonth = [0, 12, 30, 45, 0, 15, 102];
    private static readonly long[] GenderMonth = [55, 20, 12, 15, 102];

    private async Task<TestUser> SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_analyst is null)
            {
                var analyst = await factory.CreateInAgencyAsync("placer", "Profile Figures Agency", Roles.Analyst);
                var other = (await factory.CreateInAgencyAsync("placer", "Profile Figures Probation", Roles.Caseworker)).AgencyId;
                foreach (var month in FigureMonth.MonthsOf(FiguresKit.LastQuarter))
                {
                    await AddAsync(analyst.Id, analyst.AgencyId, month, 30, ConcernLevel.Clear, AgeBand.Age14To15, YouthGender.Girl, 2, "snapchat", "instagram");
                    await AddAsync(analyst.Id, analyst.AgencyId, month, 20, ConcernLevel.None, AgeBand.Age16To17, YouthGender.Boy, 0);
                    await AddAsync(analyst.Id, analyst.AgencyId, month, 15, ConcernLevel.Possible, null, null, null);
                    await AddAsync(analyst.Id, other, month, 3, ConcernLevel.Possible, AgeBand.Age12To13, YouthGender.AnotherIdentity, 1, "gaming");
                    await AddAsync(analyst.Id, other, month, 9, ConcernLevel.Possible, AgeBand.Age12To13, YouthGender.AnotherIdentity, 1, "messaging-app");
                    await AddAsync(analyst.Id, other, month, 25, ConcernLevel.Clear, AgeBand.Age16To17, YouthGender.Girl, 2, "facebook");
                }

                _analyst = analyst;
            }
        }
        finally
        {
            Seeded.Release();
        }

        return _analyst;
    }

    /// <summary>Completed screens with a profile, as finishing them through the form stores them (facts included).</summary>
    private async Task AddAsync(Guid author, Guid agency, int month, int count, ConcernLevel level, AgeBand? age, YouthGender? gender, int? online, params string[] platforms)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var at = FigureMonth.StartUtc(month).AddDays(14);
        for (var i = 0; i < count; i++)
        {
            var screen = new SavedScreen
            {
                JurisdictionId = "placer", AgencyId = agency, AuthorId = author, InstrumentId = "beacon-full", InstrumentVersion = 1,
                AnswersJson = online is { } o ? $"{{\"online-contact\":{o}}}" : "{}", ReasonsJson = "{}", Level = level,
                AgeBand = age, Gender = gender, PlatformsJson = platforms.Length == 0 ? null : System.Text.Json.JsonSerializer.Serialize(platforms),
                CreatedUtc = at, UpdatedUtc = at, CompletedUtc = at,
            };
            db.SavedScreens.Add(screen);
            ScreenFacts.AddFor(db, screen);
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<(string Table, string Disclosure, string Value, string Text)>> CellsAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        await SeedAsync();
        // A user signs in once per test (as in the other figures tests): a fresh analyst of the same agency.
        var analyst = await factory.CreateInAgencyAsync("placer", "Profile Figures Agency", Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(analyst)).StatusCode);
        var response = await client.GetAsync($"/figures?period={FigureMonth.QuarterKey(FiguresKit.LastQuarter)}&county=placer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Screens by age band", html, StringComparison.Ordinal);
        Assert.Contains("Screens by gender", html, StringComparison.Ordinal);
        Assert.Contains("Online contact by platform", html, StringComparison.Ordinal);
        return FiguresKit.Cells(html);
    }

    [Fact]
    public async Task Dashboard_AgeAndGender_ShowOnlyTrueCountsAndNoneFromOneToTen()
    {
        var cells = await CellsAsync();

        foreach (var (table, month) in new[] { ("screens-by-age", AgeMonth), ("screens-by-gender", GenderMonth) })
        {
            var values = cells.Where(c => c.Table == table).ToList();
            // Three months, then the whole quarter (three times a month's counts).
            Assert.Equal(month.Length * 4, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var truth = month[i % month.Length] * (i / month.Length == 3 ? 3 : 1);
                var cell = values[i];
                if (cell.Disclosure == "shown")
                {
                    Assert.Equal(truth, long.Parse(cell.Value));
                    Assert.False(truth is >= 1 and <= 10, $"{table} cell {i}: {truth} shown");
                }
                else
                {
                    // A zero may be withheld too (a row whose other cells are masked), as "1–10" or hidden.
                    Assert.True(truth switch { 0 => true, <= 10 => cell.Disclosure == "small", _ => cell.Disclosure == "hidden" }, $"{table} cell {i}: {truth} {cell.Disclosure}");
                }
            }

            Assert.True(values.Count(c => c.Disclosure == "shown" && c.Value != "0") >= month.Length, $"{table}: too little shown");
        }
    }

    [Fact]
    public async Task Dashboard_AgeAndGenderTotals_AreTheScreensByLevelTotals()
    {
        var cells = await CellsAsync();

        var level = cells.Where(c => c.Table == "screens-by-level").ToList();
        var levelTotals = Enumerable.Range(0, 4).Select(r => level[(r * 4) + 3]).ToList();
        var ageTotals = Enumerable.Range(0, 4).Select(r => cells.Where(c => c.Table == "screens-by-age").ElementAt((r * AgeMonth.Length) + AgeMonth.Length - 1)).ToList();
        var genderTotals = Enumerable.Range(0, 4).Select(r => cells.Where(c => c.Table == "screens-by-gender").ElementAt((r * GenderMonth.Length) + GenderMonth.Length - 1)).ToList();
        // One cell each, so the same disclosure and value, whatever the suppression decided.
        Assert.Equal(levelTotals.Select(c => (c.Disclosure, c.Value)), ageTotals.Select(c => (c.Disclosure, c.Value)));
        Assert.Equal(levelTotals.Select(c => (c.Disclosure, c.Value)), genderTotals.Select(c => (c.Disclosure, c.Value)));
        Assert.All(levelTotals.Where(c => c.Disclosure == "shown"), c => Assert.Contains(c.Value, new[] { "102", "306" }));
        Assert.Contains(levelTotals, c => c.Disclosure == "shown");
    }

    [Fact]
    public async Task Dashboard_Platforms_CountScreensRatingOnlineContactOncePerPlatform()
    {
        var cells = await CellsAsync();

        var platforms = cells.Where(c => c.Table == "online-platforms").ToList();
        // Snapchat and Instagram 90 each (30 a month), Facebook 75, messaging apps 27, three platforms none, game chats 9.
        // Game chats is withheld as "1–10"; the suppression may hide more (it hides messaging apps here), never show a wrong count.
        Assert.Equal(OnlinePlatforms.All.Count, platforms.Count);
        var shown = platforms.Where(c => c.Disclosure == "shown").Select(c => long.Parse(c.Value)).ToList();
        Assert.Equal([90, 90, 75], shown.Take(3));
        Assert.All(shown.Skip(3), n => Assert.True(n is 27 or 0, $"{n} shown"));
        Assert.Equal(3, shown.Count(n => n == 0));
        Assert.Single(platforms, c => c.Disclosure == "small");
        Assert.DoesNotContain(shown, n => n is >= 1 and <= 10);
    }

    [Fact]
    public async Task Cube_AgeWithoutItsUnknownCategory_DisagreesWithTheLevelTotalsAndIsRefused()
    {
        await SeedAsync();
        using var scope = factory.Services.CreateScope();
        var sources = scope.ServiceProvider.GetRequiredService<FigureSources>();
        var catalog = scope.ServiceProvider.GetRequiredService<Beacon.Core.Catalog.IndicatorCatalog>();
        var months = FigureMonth.MonthsOf(FiguresKit.LastQuarter);
        var places = await sources.PlacesAsync(CancellationToken.None);
        var counts = await sources.CountsAsync(months, places, await sources.MdtClocksAsync(months, CancellationToken.None), CancellationToken.None);
        var families = FigureFamilies.All(catalog);

        var cube = FigureCube.Build(families, FiguresKit.LastQuarter, months, true, places, counts);
        var withoutUnknown = counts.Where(c => !(c.Family == FigureFamilies.Age && c.Category == FigureFamilies.Unknown)).ToList();

        Assert.Equal(306, cube.Counts[cube.IndexOf(FigureCube.Key(FigureFamilies.Level, FigureMonth.QuarterKey(FiguresKit.LastQuarter), "placer", FigureFamily.All))]);
        Assert.Equal(45, cube.Counts[cube.IndexOf(FigureCube.Key(FigureFamilies.Age, FigureMonth.QuarterKey(FiguresKit.LastQuarter), "placer", FigureFamilies.Unknown))]);
        Assert.Throws<ArgumentException>(() => FigureCube.Build(families, FiguresKit.LastQuarter, months, true, places, withoutUnknown));
    }
}
