namespace Beacon.Core.Scanning;

/// <summary>What a finding says about the youth: asserted, denied, or only asked, feared or possible.</summary>
public enum FindingStatus
{
    Present,
    Negated,
    Uncertain,
}

public static class FindingStatusNames
{
    /// <summary>The status as written in JSON, CSS classes and resource keys: present, negated, uncertain.</summary>
    public static string Name(this FindingStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// One lexicon phrase found in a note: the catalog item ID it points to, whether it is asserted, negated or
/// uncertain, its character span in the original text (<see cref="End"/> exclusive), the text matched, and the
/// trigger's original text that decided the status (null when present).
/// </summary>
public sealed record Finding(string Indicator, FindingStatus Status, int Start, int End, string Text, string? Cue);
