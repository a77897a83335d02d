using Beacon.Core.Screening;
using CsCheck;

namespace Beacon.Core.Tests.Screening;

/// <summary>
/// The five properties every shipped instrument must keep, checked over generated answer sets
/// (each answer -1 unknown, 0, 1 or 2), for each shipped instrument.
/// </summary>
public sealed class ScoringPropertyTests
{
    public static TheoryData<string> Instruments() => new() { "beacon-quick", "beacon-full" };

    private static Gen<sbyte[]> Answers(Instrument instrument) =>
        Gen.SByte[-1, 2].Array[instrument.Items.Count()];

    private static int[] PositionsIn(Instrument instrument, string domain) =>
        instrument.Items.Select((item, i) => (item, i)).Where(p => p.item.Domain == domain).Select(p => p.i).ToArray();

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Score_RaisingAnyAnswer_NeverLowersTheLevel(string id)
    {
        var instrument = TestInstruments.Get(id);
        var n = instrument.Items.Count();
        (from answers in Answers(instrument)
         from position in Gen.Int[0, n - 1]
         select (answers, position))
            .Sample(t =>
            {
                var (answers, p) = t;
                if (answers[p] == 2)
                {
                    return true;
                }

                var before = Scoring.Score(instrument, answers).Level;
                var raised = (sbyte[])answers.Clone();
                raised[p]++;
                return Scoring.Score(instrument, raised).Level >= before;
            }, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Score_AnyExploitationItemRatedTwo_IsClear(string id)
    {
        var instrument = TestInstruments.Get(id);
        var exploitation = PositionsIn(instrument, "exploitation");
        Assert.NotEmpty(exploitation);
        (from answers in Answers(instrument)
         from pick in Gen.Int[0, exploitation.Length - 1]
         select (answers, exploitation[pick]))
            .Sample(t =>
            {
                t.answers[t.Item2] = 2;
                return Scoring.Score(instrument, t.answers).Level == ConcernLevel.Clear;
            }, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Score_AnyTraffickingItemRatedOneOrMore_IsAtLeastPossible(string id)
    {
        var instrument = TestInstruments.Get(id);
        var trafficking = PositionsIn(instrument, "trafficking");
        Assert.NotEmpty(trafficking);
        (from answers in Answers(instrument)
         from pick in Gen.Int[0, trafficking.Length - 1]
         from value in Gen.SByte[1, 2]
         select (answers, trafficking[pick], value))
            .Sample(t =>
            {
                t.answers[t.Item2] = t.value;
                return Scoring.Score(instrument, t.answers).Level >= ConcernLevel.Possible;
            }, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Score_RiskFactorsAlone_NeverClearAndReportedAsRisk(string id)
    {
        var instrument = TestInstruments.Get(id);
        var risk = PositionsIn(instrument, "risk").ToHashSet();
        Answers(instrument).Sample(answers =>
        {
            for (var i = 0; i < answers.Length; i++)
            {
                if (!risk.Contains(i) && answers[i] > 0)
                {
                    answers[i] = 0; // nothing but risk factors may be raised
                }
            }

            var result = Scoring.Score(instrument, answers);
            var raisedRisk = risk.Count(i => answers[i] >= 1);
            return result.Level == ConcernLevel.None && result.RiskNoted.Count == raisedRisk;
        }, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Score_Unknown_NeverCountsAsYesAndIsListed(string id)
    {
        var instrument = TestInstruments.Get(id);
        var items = instrument.Items.ToArray();
        Answers(instrument).Sample(answers =>
        {
            var asNo = answers.Select(a => a == Scoring.Unknown ? (sbyte)0 : a).ToArray();
            var result = Scoring.Score(instrument, answers);
            var listed = items.Where((_, i) => answers[i] == Scoring.Unknown).Select(i => i.Id);
            return result.Level == Scoring.Score(instrument, asNo).Level &&
                   result.Unknown.SequenceEqual(listed) &&
                   result.Fired.All(f => f.Items.All(item => answers[Array.FindIndex(items, x => x.Id == item)] >= f.Rule.MinAnswer));
        }, iter: 2000);
    }

    [Fact]
    public void Score_AllNo_IsNoneWithNothingFired()
    {
        var instrument = TestInstruments.Get("beacon-full");
        var result = Scoring.Score(instrument, new sbyte[instrument.Items.Count()]);

        Assert.Equal(ConcernLevel.None, result.Level);
        Assert.Empty(result.Fired);
        Assert.Empty(result.Unknown);
    }
}
