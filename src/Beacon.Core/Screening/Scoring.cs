namespace Beacon.Core.Screening;

/// <summary>Why a rule fired: the rule and the items whose answers met it.</summary>
public sealed record FiredRule(ScoringRule Rule, IReadOnlyList<string> Items);

/// <summary>The concern level with its reasons, the items left unknown, and the risk factors noted.</summary>
public sealed record ScreeningResult(
    string InstrumentKey,
    ConcernLevel Level,
    IReadOnlyList<FiredRule> Fired,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> RiskNoted);

/// <summary>
/// Scores answers against an instrument's rules. Answers are in the instrument's item order:
/// 0, 1, 2, or -1 for unknown (never counted as yes). The level is the highest level among the
/// rules that fire, else none.
/// </summary>
public static class Scoring
{
    public const sbyte Unknown = -1;

    public static ScreeningResult Score(Instrument instrument, ReadOnlySpan<sbyte> answers)
    {
        var compiled = instrument.Compiled;
        if (answers.Length != compiled.Items.Length)
        {
            throw new ArgumentException($"{instrument.Key} has {compiled.Items.Length} items; {answers.Length} answers were given.", nameof(answers));
        }

        var level = ConcernLevel.None;
        List<FiredRule>? fired = null;
        for (var r = 0; r < instrument.Rules.Count; r++)
        {
            var rule = instrument.Rules[r];
            var positions = compiled.RuleItems[r];
            var count = 0;
            foreach (var p in positions)
            {
                if (answers[p] >= rule.MinAnswer)
                {
                    count++;
                }
            }

            if (count < rule.MinCount)
            {
                continue;
            }

            var met = new string[count];
            var k = 0;
            foreach (var p in positions)
            {
                if (answers[p] >= rule.MinAnswer)
                {
                    met[k++] = compiled.Items[p].Id;
                }
            }

            (fired ??= []).Add(new FiredRule(rule, met));
            if (rule.Level > level)
            {
                level = rule.Level;
            }
        }

        return new ScreeningResult(instrument.Key, level, (IReadOnlyList<FiredRule>?)fired ?? [],
            Collect(compiled.Items, answers, a => a == Unknown), CollectRisk(compiled, answers));
    }

    /// <summary>Answers keyed by item id (a catalog ID); missing ids count as unknown.</summary>
    public static sbyte[] ToArray(Instrument instrument, IReadOnlyDictionary<string, int?> answers)
    {
        var compiled = instrument.Compiled;
        var array = new sbyte[compiled.Items.Length];
        Array.Fill(array, Unknown);
        foreach (var (id, value) in answers)
        {
            if (compiled.Positions.TryGetValue(id, out var p) && value is >= 0 and <= 2)
            {
                array[p] = (sbyte)value.Value;
            }
        }

        return array;
    }

    private static string[] Collect(InstrumentItem[] items, ReadOnlySpan<sbyte> answers, Func<sbyte, bool> keep)
    {
        var count = 0;
        foreach (var a in answers)
        {
            if (keep(a))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var ids = new string[count];
        var k = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            if (keep(answers[i]))
            {
                ids[k++] = items[i].Id;
            }
        }

        return ids;
    }

    private static string[] CollectRisk(CompiledInstrument compiled, ReadOnlySpan<sbyte> answers)
    {
        var count = 0;
        foreach (var p in compiled.RiskItems)
        {
            if (answers[p] >= 1)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var ids = new string[count];
        var k = 0;
        foreach (var p in compiled.RiskItems)
        {
            if (answers[p] >= 1)
            {
                ids[k++] = compiled.Items[p].Id;
            }
        }

        return ids;
    }
}
