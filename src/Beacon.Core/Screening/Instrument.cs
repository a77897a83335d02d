using Beacon.Core.Jurisdictions;

namespace Beacon.Core.Screening;

public enum ConcernLevel
{
    None = 0,
    Possible = 1,
    Clear = 2,
}

public enum InstrumentAudience
{
    Public,
    Staff,
}

public sealed record InstrumentItem(string Id, IReadOnlyList<string> Also, string Domain, LocalizedText Text, LocalizedText Help);

public sealed record InstrumentSection(string Id, LocalizedText Title, IReadOnlyList<InstrumentItem> Items);

/// <summary>
/// A rule fires when at least <see cref="MinCount"/> items of the given domains are answered
/// <see cref="MinAnswer"/> or higher. Only "at least" rules exist, so raising an answer can never
/// lower the result (monotonic by construction).
/// </summary>
public sealed record ScoringRule(string Id, ConcernLevel Level, IReadOnlyList<string> Domains, int MinAnswer, int MinCount, LocalizedText Why);

public sealed record InstrumentSource(string Id, string Title, string? Url);

/// <summary>A screening instrument as loaded from content/instruments/&lt;id&gt;.v&lt;version&gt;.json.</summary>
public sealed class Instrument
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required bool Retired { get; init; }
    public required InstrumentAudience Audience { get; init; }
    public required LocalizedText Title { get; init; }
    public required LocalizedText Description { get; init; }
    public required LocalizedText ScaleNone { get; init; }
    public required LocalizedText ScalePossible { get; init; }
    public required LocalizedText ScaleClear { get; init; }
    public required LocalizedText ScaleUnknown { get; init; }
    public required IReadOnlyList<InstrumentSection> Sections { get; init; }
    public required IReadOnlyList<ScoringRule> Rules { get; init; }
    public required IReadOnlyList<InstrumentSource> Sources { get; init; }

    /// <summary>"beacon-quick@1": what a stored screening records.</summary>
    public string Key => $"{Id}@{Version}";

    public IEnumerable<InstrumentItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>Precomputed lookups for scoring; built once per loaded instrument.</summary>
    internal CompiledInstrument Compiled => _compiled ??= new CompiledInstrument(this);

    private CompiledInstrument? _compiled;

    /// <summary>This version as retired by an administrator: no new screens, stored ones keep it.</summary>
    public Instrument AsRetired() => Retired ? this : new Instrument
    {
        Id = Id, Version = Version, Retired = true, Audience = Audience, Title = Title, Description = Description,
        ScaleNone = ScaleNone, ScalePossible = ScalePossible, ScaleClear = ScaleClear, ScaleUnknown = ScaleUnknown,
        Sections = Sections, Rules = Rules, Sources = Sources,
    };

    public LocalizedText ScaleLabel(int? answer) => answer switch
    {
        0 => ScaleNone,
        1 => ScalePossible,
        2 => ScaleClear,
        _ => ScaleUnknown,
    };
}
