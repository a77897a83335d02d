using Beacon.Core.Screening;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// Draws a screen's answers aimed at a concern level, with the signs that go together in practice: a screen of
/// concern follows one pattern (a hotel-and-older-partner pattern, online exploitation, a boyfriend who grooms,
/// running away, a family that trades the youth, a gang), several of its signs together on the clear ones; risk
/// factors are common at every level, the venue and exploitation items rarer. The level itself is never assumed:
/// the caller scores the answers with the real scoring, and a draw that does not score at the aimed level is drawn
/// again (a few times) so that the levels come out near the aimed shares.
/// </summary>
public sealed class DemoAnswers(Instrument instrument)
{
    private const int Yes = 2;
    private const int Possibly = 1;

    private static readonly string[][] Patterns =
    [
        ["hotel-keys", "cash-rolls", "multiple-phones", "older-partner", "inappropriate-clothing", "controlled-decisions", "sex-for-value", "third-party-benefit", "runaway-homeless", "low-self-worth"],
        ["online-contact", "gifts-affection", "isolation", "blackmail-exposure", "abuse-material", "live-video-abuse", "low-self-worth", "lacks-supervision", "lgbtq-rejection"],
        ["older-partner", "gifts-affection", "promises-better-life", "seduction-coercion", "abuse-intermittent-affection", "supplied-alcohol-drugs", "unaffordable-possessions", "isolation", "prior-sexual-abuse", "trauma-mental-health"],
        ["chronic-runaway", "peer-recruitment", "supplied-alcohol-drugs", "sex-for-value", "gift-cards", "school-disruption", "runaway-homeless", "substance-abuse", "foster-care", "system-involvement"],
        ["family-selling", "family-trust-access", "debt-bondage", "false-job-offer", "threats-intimidation", "sex-tourism", "abuse-history", "unstable-home", "undocumented-status", "low-income"],
        ["gang-exploitation", "branding-tattoos", "threats-intimidation", "unexplained-injuries", "exploitation-lexicon", "third-party-benefit", "gang-involvement", "abuse-history", "lacks-support"],
    ];

    private readonly InstrumentItem[] _items = [.. instrument.Items];
    private readonly string[] _general = [.. instrument.Items.Where(i => i.Domain == "general").Select(i => i.Id)];
    private readonly string[] _risk = [.. instrument.Items.Where(i => i.Domain == "risk").Select(i => i.Id)];
    private readonly Dictionary<string, string> _domain = instrument.Items.ToDictionary(i => i.Id, i => i.Domain);

    public Instrument Instrument => instrument;

    /// <summary>Answers scored at <paramref name="aim"/> where a few draws allow; always every item, some unknown.</summary>
    public Dictionary<string, int?> For(ConcernLevel aim, Random random)
    {
        Dictionary<string, int?> answers = [];
        for (var attempt = 0; attempt < 6; attempt++)
        {
            answers = Once(aim, random);
            if (Scoring.Score(instrument, Scoring.ToArray(instrument, answers)).Level == aim)
            {
                break;
            }
        }

        return answers;
    }

    private Dictionary<string, int?> Once(ConcernLevel aim, Random random)
    {
        // Most items answered "no"; a few left unknown, as a screener who could not tell leaves them.
        var answers = _items.ToDictionary(i => i.Id, _ => random.Chance(0.03) ? null : (int?)0);
        var pattern = random.Pick(Patterns).Where(_domain.ContainsKey).ToArray();
        var signs = pattern.Where(id => _domain[id] is not ("general" or "risk")).ToArray();
        switch (aim)
        {
            case ConcernLevel.None:
                // A general change or two, nothing specific.
                Rate(answers, random, _general, random.Weighted([0.5, 0.35, 0.15]), Possibly);
                break;
            case ConcernLevel.Possible:
                Rate(answers, random, signs.Where(id => _domain[id] != "exploitation").ToArray(), 1 + random.Weighted([0.55, 0.3, 0.15]), Possibly);
                Rate(answers, random, _general, random.Weighted([0.4, 0.4, 0.2]), Possibly);
                break;
            default:
                Rate(answers, random, signs, 2 + random.Weighted([0.35, 0.3, 0.2, 0.15]), Yes);
                Rate(answers, random, signs, random.Weighted([0.4, 0.4, 0.2]), Possibly);
                Rate(answers, random, _general, 1 + random.Weighted([0.4, 0.35, 0.25]), random.Chance(0.5) ? Yes : Possibly);
                break;
        }

        // Risk factors: those of the pattern often, any other now and then; more often where the concern is higher.
        var often = aim switch { ConcernLevel.None => 0.2, ConcernLevel.Possible => 0.35, _ => 0.5 };
        foreach (var id in _risk)
        {
            if (answers[id] == 0 && random.Chance(pattern.Contains(id) ? often : often / 4))
            {
                answers[id] = random.Chance(0.6) ? Yes : Possibly;
            }
        }

        return answers;
    }

    /// <summary>Rates <paramref name="count"/> items not yet rated among <paramref name="ids"/>.</summary>
    private static void Rate(Dictionary<string, int?> answers, Random random, string[] ids, int count, int value)
    {
        var open = ids.Where(id => answers[id] is 0 or null).ToList();
        for (var i = 0; i < count && open.Count > 0; i++)
        {
            var at = random.Next(open.Count);
            answers[open[at]] = value;
            open.RemoveAt(at);
        }
    }
}
