namespace Beacon.Core.Screening;

/// <summary>
/// The instrument flattened for scoring: items in a fixed order, each rule as the list of item
/// positions it counts. Scoring then walks arrays only.
/// </summary>
internal sealed class CompiledInstrument
{
    public CompiledInstrument(Instrument instrument)
    {
        Items = instrument.Items.ToArray();
        Positions = Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        RuleItems = instrument.Rules
            .Select(rule => Items.Select((item, i) => (item, i)).Where(p => rule.Domains.Contains(p.item.Domain)).Select(p => p.i).ToArray())
            .ToArray();
        RiskItems = Items.Select((item, i) => (item, i)).Where(p => p.item.Domain == "risk").Select(p => p.i).ToArray();
    }

    public InstrumentItem[] Items { get; }
    public Dictionary<string, int> Positions { get; }
    public int[][] RuleItems { get; }
    public int[] RiskItems { get; }
}
