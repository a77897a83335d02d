using Beacon.Core.Screening;

namespace Beacon.Core.Tests.Screening;

/// <summary>
/// Short stories an adult might bring to the quick check or a caseworker to the full screen, with
/// the level we expect and why. Unanswered items are unknown.
/// </summary>
public sealed class VignetteTests
{
    public static TheoryData<string, string, string, ConcernLevel> Vignettes() => new()
    {
        // A coach hears a player say she "had to" do sexual things for a place to sleep: the definition is met.
        { "quick-1", "beacon-quick", "sex-for-value=2", ConcernLevel.Clear },
        // A teacher is told a student's intimate photos are being sold online.
        { "quick-2", "beacon-quick", "abuse-material=2", ConcernLevel.Clear },
        // A nurse notices hotel key cards and two phones, nothing else known: a trafficking sign alone is enough to ask.
        { "quick-3", "beacon-quick", "hotel-keys=1", ConcernLevel.Possible },
        // A parent is sure of an older boyfriend and of threats about a "debt": two clear signs together.
        { "quick-4", "beacon-quick", "older-partner=2;threats-intimidation=2", ConcernLevel.Clear },
        // A neighbour thinks someone online is showering a girl with gifts: grooming may be starting.
        { "quick-5", "beacon-quick", "gifts-affection=1", ConcernLevel.Possible },
        // A teacher sees a tired student who misses school, and nothing else: one general sign is not enough.
        { "quick-6", "beacon-quick", "school-disruption=2", ConcernLevel.None },
        // The same teacher also sees new expensive things and a sudden change in behaviour: several general signs.
        { "quick-7", "beacon-quick", "school-disruption=1;unaffordable-possessions=1;demeanor-change=1", ConcernLevel.Possible },
        // A counsellor answers "I don't know" to everything: unknown never counts as yes.
        { "quick-8", "beacon-quick", "", ConcernLevel.None },
        // Caseworker: youth in foster care with a history of abuse and no other sign: risk, not a sign.
        { "full-1", "beacon-full", "foster-care=2;prior-sexual-abuse=2;runaway-homeless=2;low-self-worth=2", ConcernLevel.None },
        // Caseworker: branding tattoo and "Daddy" in the youth's words, both clear.
        { "full-2", "beacon-full", "branding-tattoos=2;exploitation-lexicon=2", ConcernLevel.Clear },
        // Caseworker: the youth describes a friend who brought her to "parties" (peer recruitment, possible).
        { "full-3", "beacon-full", "peer-recruitment=1", ConcernLevel.Possible },
        // Caseworker: someone takes the money the youth is paid for sex: third-party benefit, clear.
        { "full-4", "beacon-full", "third-party-benefit=2", ConcernLevel.Clear },
        // Caseworker: two general signs rated possible only: below the full screen's threshold of three.
        { "full-5", "beacon-full", "withdrawal=1;chronic-runaway=1", ConcernLevel.None },
    };

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Score_Vignette_GivesTheExpectedLevel(string name, string instrumentId, string answers, ConcernLevel expected)
    {
        var instrument = TestInstruments.Get(instrumentId);
        var given = answers.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('='))
            .ToDictionary(a => a[0], a => (int?)int.Parse(a[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(given.Keys, id => Assert.Contains(id, instrument.Items.Select(i => i.Id)));

        var result = Scoring.Score(instrument, Scoring.ToArray(instrument, given));

        Assert.True(expected == result.Level, $"{name}: expected {expected}, got {result.Level} ({string.Join("; ", result.Fired.Select(f => f.Rule.Id))})");
        Assert.Equal(instrument.Items.Count() - given.Count, result.Unknown.Count);
    }
}
