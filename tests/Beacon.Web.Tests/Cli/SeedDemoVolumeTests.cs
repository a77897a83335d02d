using Beacon.Core.Analytics;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Cli;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cli;

/// <summary><c>beacon seed-demo --screenings N</c> on a database of its own: the volume the task-force figures are measured on.</summary>
[Trait("Category", "Data")]
public sealed class SeedDemoVolumeTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private const int Screens = 2000;

    [Fact]
    public async Task Run_ScreeningsOnFreshDatabase_MakesTheVolumeOnceAndRefusesTheSecondRun()
    {
        var (exit, output, error) = await SeedDemo.RunAsync(factory, "Testing", SeedDemoOptions.Base with { Confirmed = true, Screenings = Screens });

        Assert.True(exit == 0, error);
        Assert.Contains("Demo volume created: 2,000 screens", output);
        Assert.Contains("Emergency MDT limit set to 72 hours", output);
        var instruments = factory.Services.GetRequiredService<ScreeningInstruments>().Shipped;
        await factory.QueryAsync(async db =>
        {
            var screens = await db.SavedScreens.AsNoTracking().Where(s => s.Author!.Email!.EndsWith("@demo.beacon.test")).ToListAsync();
            Assert.Equal(Screens, screens.Count);
            Assert.All(screens, s => Assert.NotNull(s.CompletedUtc));
            // Scored by the real scoring: the stored level is what the answers score today.
            Assert.All(screens, s => Assert.Equal(s.Level,
                Scoring.Score(instruments.Single(i => i.Id == s.InstrumentId && i.Version == s.InstrumentVersion), Scoring.ToArray(
                    instruments.Single(i => i.Id == s.InstrumentId), StoredScreen.ReadAnswers(s))).Level));
            Assert.InRange(screens.Count(s => s.InstrumentId == "beacon-quick"), 100, 600);
            Assert.InRange(screens.Count(s => s.Level == ConcernLevel.None), 0.45 * Screens, 0.65 * Screens);
            Assert.InRange(screens.Count(s => s.Level == ConcernLevel.Possible), 0.22 * Screens, 0.38 * Screens);
            Assert.InRange(screens.Count(s => s.Level == ConcernLevel.Clear), 0.10 * Screens, 0.20 * Screens);
            Assert.InRange(screens.Count(s => s.JurisdictionId == SeedDemoCommand.Counties[0]), 0.52 * Screens, 0.68 * Screens);

            // The youth's profile: mostly 14-17, mostly girls, some not known; platforms only on screens rating online contact.
            Assert.InRange(screens.Count(s => s.AgeBand is AgeBand.Age14To15 or AgeBand.Age16To17), 0.60 * Screens, 0.80 * Screens);
            Assert.InRange(screens.Count(s => s.AgeBand is null), 0.03 * Screens, 0.15 * Screens);
            Assert.InRange(screens.Count(s => s.Gender == YouthGender.Girl), 0.58 * Screens, 0.78 * Screens);
            Assert.InRange(screens.Count(s => s.Gender == YouthGender.AnotherIdentity), 1, 0.10 * Screens);
            Assert.All(screens, s => Assert.Equal(s.PlatformsJson is not null, OnlinePlatforms.OnlineContactRated(StoredScreen.ReadAnswers(s))));
            Assert.Contains(screens, s => s.PlatformsJson is not null);

            // Every screen carries exactly the facts finishing it writes.
            var facts = (await db.ScreenItemFacts.AsNoTracking().ToListAsync()).ToLookup(f => f.ScreenId);
            Assert.True(facts.Sum(g => g.Count()) > Screens);
            Assert.All(screens, s => Assert.Equal(Facts(ScreenFacts.Of(s)), Facts(facts[s.Id])));

            // Every one of the 24 closed months, and the current one up to now (which has none yet in its first hours), in California time.
            var now = DateTime.UtcNow;
            var months = screens.Select(s => FigureMonth.Of(s.CompletedUtc!.Value)).ToHashSet();
            var closed = Enumerable.Range(1, 24).Select(i => FigureMonth.Of(FigureMonth.StartUtc(FigureMonth.Of(now)).AddDays(15).AddMonths(-i))).ToList();
            Assert.Superset(closed.ToHashSet(), months);
            Assert.Subset(closed.Append(FigureMonth.Of(now)).ToHashSet(), months);
            Assert.All(closed, m => Assert.InRange(screens.Count(s => FigureMonth.Of(s.CompletedUtc!.Value) == m), Screens / 50, Screens / 12));
            Assert.All(screens, s => Assert.True(s.CompletedUtc <= now));

            var demoCases = await db.Cases.AsNoTracking().Include(c => c.Youth).Where(c => SeedDemoCommand.Counties.Contains(c.JurisdictionId)).ToListAsync();
            Assert.Equal(Screens / 10 + 8, demoCases.Count); // the base demo's 8 and N/10
            Assert.All(demoCases, c => Assert.EndsWith("(demo)", c.Youth!.LegalName));
            Assert.Equal(2, demoCases.Select(c => c.JurisdictionId).Distinct().Count());
            // Open lasts the hours before screening starts, so only a case opened in the last few hours is still there.
            Assert.Superset(new HashSet<CaseStatus> { CaseStatus.Screening, CaseStatus.Mdt, CaseStatus.Services, CaseStatus.Closed }, demoCases.Select(c => c.Status).ToHashSet());
            Assert.Equal(Enum.GetValues<IntakeSource>().Order(), (await db.IntakeItems.Where(i => i.CaseId != null).Select(i => i.Source).Distinct().ToListAsync()).Order());
            Assert.Equal(await db.Tips.CountAsync(), await db.IntakeItems.CountAsync(i => i.Source == IntakeSource.Tip));
            // Triage keeps up: only the last days' items still wait in the queue.
            var weekAgo = now.AddDays(-8);
            Assert.False(await db.IntakeItems.AnyAsync(i => (i.Status == IntakeStatus.New || i.Status == IntakeStatus.Assigned) && i.ReceivedUtc < weekAgo));
            Assert.True(await db.IntakeItems.CountAsync(i => i.Status == IntakeStatus.Closed) > Screens / 10);
            Assert.Equal(Enum.GetValues<ServiceKind>().Order(), (await db.CaseServices.Select(s => s.Kind).Distinct().ToListAsync()).Order());
            Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), (await db.Referrals.Select(r => r.Status).Distinct().ToListAsync()).Order());
            Assert.All(await db.Referrals.AsNoTracking().ToListAsync(), r => Assert.Equal(r.Status != ReferralStatus.Requested, r.DecidedUtc is not null));

            // The MDT clock has a limit to count against, and meetings on both sides of it.
            Assert.All(await db.Jurisdictions.Where(j => SeedDemoCommand.Counties.Contains(j.Id)).ToListAsync(), j => Assert.Equal(72, j.EmergencyMdtHours));
            var firstMeetings = await db.MdtMeetings.AsNoTracking().Include(m => m.Case).Where(m => m.Kind == MdtMeetingKind.Emergency && m.HeldUtc != null).ToListAsync();
            Assert.Contains(firstMeetings, m => (m.HeldUtc!.Value - m.Case!.OpenedUtc).TotalHours <= 72);
            Assert.Contains(firstMeetings, m => (m.HeldUtc!.Value - m.Case!.OpenedUtc).TotalHours > 72);

            // Written reports: most within 36 hours of learning, some late, some never sent.
            var reports = await db.MandatedReports.AsNoTracking().Where(r => r.CaseId != null).ToListAsync();
            Assert.All(reports, r => Assert.Equal(36, (r.WrittenDueUtc - r.LearnedUtc).TotalHours));
            Assert.True(reports.Count(r => r.SentUtc <= r.WrittenDueUtc) > reports.Count / 2);
            Assert.Contains(reports, r => r.SentUtc > r.WrittenDueUtc);
            Assert.Contains(reports, r => r.SentUtc is null);
            return 0;
        });

        var volume = (await factory.EntriesAsync()).Where(e => e.Detail?.StartsWith("seed-demo volume", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(8, volume.Count);
        Assert.Contains(volume, e => e.RecordType == AuditRecordTypes.Screen && e.Detail!.Contains($"{Screens} screens", StringComparison.Ordinal));
        Assert.Null((await factory.VerifyAsync()).Break);

        var again = await SeedDemo.RunAsync(factory, "Testing", SeedDemoOptions.Base with { Confirmed = true, Screenings = 10 });

        Assert.Equal(2, again.Exit);
        Assert.Contains("--screenings runs once per database", again.Error);
        Assert.Equal(Screens, await factory.QueryAsync(db => db.SavedScreens.CountAsync()));
        Assert.Equal(Screens / 10 + 8, await factory.QueryAsync(db => db.Cases.CountAsync()));
    }

    private static List<(Guid, string, Guid, int, string, ConcernLevel)> Facts(IEnumerable<ScreenItemFact> facts) =>
        [.. facts.Select(f => (f.ScreenId, f.JurisdictionId, f.AgencyId, f.Month, f.ItemId, f.Rating)).Order()];
}

/// <summary>The flags, read before anything is opened or written.</summary>
public sealed class SeedDemoOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("5000001")]
    [InlineData("1.5")]
    [InlineData(null)]
    public void Parse_BadScreenings_RefusesNamingTheFlag(string? value)
    {
        var options = SeedDemoOptions.Parse(value is null ? ["--screenings"] : ["--screenings", value], out var error);

        Assert.Null(options);
        Assert.Contains("--screenings", error);
        Assert.Contains("Nothing was written", error);
    }

    [Fact]
    public void Parse_ScreeningsSeedAndConfirm_ReadsThemAll()
    {
        var options = SeedDemoOptions.Parse(["--screenings", "1000000", "--yes-demo-data", "--seed", "7"], out var error);

        Assert.Null(error);
        Assert.Equal(new SeedDemoOptions(true, 1_000_000, 7), options);
    }

    [Fact]
    public void Split_ScreeningsAndItsValue_GoToTheCommandNotTheHost()
    {
        var (command, host) = CommandLine.Split(["seed-demo", "--screenings", "2000", "--Beacon:Database:Provider", "Postgres", "--yes-demo-data"]);

        Assert.Equal(["seed-demo", "--screenings", "2000", "--yes-demo-data"], command);
        Assert.Equal(["--Beacon:Database:Provider", "Postgres"], host);
    }
}
