using Beacon.Core.Scanning;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// Where a mention was found: a case note (its id, when it was written and by whom) or, with no note, the tip
/// the screen is about.
/// </summary>
public sealed record MentionSource(Guid? NoteId, DateTime? WrittenUtc, string? Author)
{
    public static readonly MentionSource Tip = new(null, null, null);

    public bool IsTip => NoteId is null;
}

/// <summary>One place a text states a sign, or leaves it uncertain: the words quoted and the cue that made it uncertain.</summary>
public sealed record SuggestionMention(string Quote, FindingStatus Status, string? Cue, MentionSource Source);

/// <summary>
/// "The notes mention X — rate it?": a catalog item the scanner found stated or uncertain in what this screen
/// is about, whose question (<see cref="ItemId"/>) is still unanswered. <see cref="Status"/> is
/// <see cref="FindingStatus.Present"/> when any mention states it, else uncertain; denied mentions never count.
/// </summary>
public sealed record ScreenSuggestion(string Indicator, string ItemId, string Name, FindingStatus Status, IReadOnlyList<SuggestionMention> Mentions)
{
    /// <summary>How many mentions a suggestion shows; the rest are counted.</summary>
    public const int Shown = 3;
}
