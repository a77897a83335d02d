namespace Beacon.Web.Features.Scanning;

/// <summary>What the screen form's suggestions block shows: the suggestions, and the saved screen a dismissal is for (null before the first save).</summary>
public sealed record SuggestionsView(IReadOnlyList<ScreenSuggestion> Suggestions, Guid? ScreenId);
