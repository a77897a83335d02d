namespace Beacon.Core.Content;

/// <summary>A source a page cites; rendered at the bottom of the page with the anchor <c>src-{Id}</c>.</summary>
public sealed record PageSource(string Id, string Title, string? Publisher, string? Url, string? Note);

/// <summary>One Learn page in one language, parsed, checked and rendered.</summary>
public sealed record LearnPage(
    string Slug,
    string Language,
    string Title,
    string Summary,
    int Order,
    IReadOnlyList<string> CatalogIds,
    IReadOnlyList<PageSource> Sources,
    string Html,
    string PlainText,
    IReadOnlySet<string> Anchors,
    IReadOnlyList<(string Id, string Text)> Sections);
