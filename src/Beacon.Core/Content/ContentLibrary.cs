namespace Beacon.Core.Content;

/// <summary>All Learn pages in both languages, and what is wrong with them (empty when all is well).</summary>
public sealed class ContentLibrary(IReadOnlyList<LearnPage> pages, IReadOnlyList<string> problems)
{
    public IReadOnlyList<LearnPage> Pages { get; } = pages;

    /// <summary>Each problem names the file and what is wrong, e.g. "es/risk-factors.md: no anchor for catalog ID 'foster-care'".</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    public IReadOnlyList<LearnPage> InLanguage(string language) =>
        Pages.Where(p => p.Language == language).OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();

    public LearnPage? Find(string language, string slug) =>
        Pages.FirstOrDefault(p => p.Language == language && p.Slug == slug);

    /// <summary>The page (in a language) that explains a catalog ID, for links like /learn/recognising-csec#hotel-keys.</summary>
    public LearnPage? PageFor(string language, string catalogId) =>
        Pages.FirstOrDefault(p => p.Language == language && p.CatalogIds.Contains(catalogId));
}
