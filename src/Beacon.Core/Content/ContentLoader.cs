using System.Text.RegularExpressions;
using Beacon.Core.Catalog;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Beacon.Core.Content;

/// <summary>
/// Loads <c>content/learn/{en,es}/*.md</c> and checks them: twins in both languages, front matter,
/// catalog coverage and anchors, sources titled and cited, internal links that resolve.
/// </summary>
public static partial class ContentLoader
{
    public static readonly string[] Languages = ["en", "es"];

    /// <summary>Pages of the app (not Learn pages) that content may link to.</summary>
    public static readonly IReadOnlySet<string> AppPaths =
        new HashSet<string>(StringComparer.Ordinal) { "/", "/report", "/tip", "/county", "/task-force", "/sheet", "/learn", "/learn/search" };

    /// <summary>Catalog domains that the Learn pages must cover in full.</summary>
    public static readonly IReadOnlySet<string> CoveredDomains =
        new HashSet<string>(StringComparer.Ordinal) { "general", "trafficking", "exploitation", "risk", "grooming", "pathway", "venue" };

    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseGenericAttributes() // last, as Markdig asks
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ContentLibrary Load(string learnFolder, IndicatorCatalog catalog)
    {
        var problems = new List<string>();
        var pages = new List<(LearnPage Page, IReadOnlyList<string> Links, IReadOnlyList<string> Citations)>();
        foreach (var language in Languages)
        {
            var folder = Path.Combine(learnFolder, language);
            if (!Directory.Exists(folder))
            {
                problems.Add($"{language}/: folder missing");
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                var parsed = Parse(file, language, problems);
                if (parsed is not null)
                {
                    pages.Add(parsed.Value);
                }
            }
        }

        var library = new ContentLibrary(pages.Select(p => p.Page).ToList(), problems);
        foreach (var (page, links, citations) in pages)
        {
            CheckPage(library, catalog, page, links, citations, problems);
        }

        CheckCoverage(library, catalog, problems);
        return library;
    }

    private static (LearnPage, IReadOnlyList<string>, IReadOnlyList<string>)? Parse(string file, string language, List<string> problems) =>
        Parse(Path.GetFileNameWithoutExtension(file), language, File.ReadAllText(file), problems);

    /// <summary>A parsed page with the links and citations it holds, for the checks a caller runs once every page is loaded.</summary>
    public sealed record ParsedPage(LearnPage Page, IReadOnlyList<string> Links, IReadOnlyList<string> Citations);

    /// <summary>Parses a page written like a Learn page (front matter, Markdown body); <paramref name="name"/> prefixes each problem.</summary>
    public static ParsedPage? ParsePage(string slug, string language, string rawText, string name, List<string> problems)
    {
        var parsed = Parse(slug, language, rawText, problems, name);
        return parsed is { } p ? new ParsedPage(p.Item1, p.Item2, p.Item3) : null;
    }

    /// <summary>
    /// The Learn-page checks for a page that is not itself a Learn page (a training lesson): catalog IDs and
    /// their anchors, sources cited, and links, where <paramref name="resolve"/> finds the pages outside the
    /// Learn library that it may link to (null: not one of them).
    /// </summary>
    public static void CheckLinkedPage(ParsedPage parsed, string name, ContentLibrary learn, IndicatorCatalog catalog,
        Func<string, LearnPage?> resolve, IReadOnlySet<string> appPaths, List<string> problems) =>
        CheckPage(learn, catalog, parsed.Page, parsed.Links, parsed.Citations, problems, checkTwin: false, name, resolve, appPaths);

    /// <summary>
    /// Checks one page written by an author before it is saved as a file: everything the loader
    /// checks except the Spanish/English twin, against the pages already loaded.
    /// </summary>
    public static (LearnPage? Page, IReadOnlyList<string> Problems) Preview(
        string slug, string language, string text, ContentLibrary library, IndicatorCatalog catalog)
    {
        var problems = new List<string>();
        var parsed = Parse(slug, language, text, problems);
        if (parsed is { } p)
        {
            var others = library.Pages.Where(x => !(x.Slug == slug && x.Language == language)).Append(p.Item1).ToList();
            CheckPage(new ContentLibrary(others, []), catalog, p.Item1, p.Item2, p.Item3, problems, checkTwin: false);
        }

        return (parsed?.Item1, problems);
    }

    private static (LearnPage, IReadOnlyList<string>, IReadOnlyList<string>)? Parse(string slug, string language, string rawText,
        List<string> problems, string? fileName = null)
    {
        var name = fileName ?? $"{language}/{slug}.md";
        if (!SlugPattern().IsMatch(slug))
        {
            problems.Add($"{name}: file name must be kebab-case");
            return null;
        }

        var text = rawText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = FrontMatterPattern().Match(text);
        if (!match.Success)
        {
            problems.Add($"{name}: no front matter (--- … --- at the top)");
            return null;
        }

        FrontMatter? meta;
        try
        {
            meta = Yaml.Deserialize<FrontMatter>(match.Groups["yaml"].Value);
        }
        catch (YamlException ex)
        {
            problems.Add($"{name}: front matter is not valid ({ex.Message})");
            return null;
        }

        if (meta is null || string.IsNullOrWhiteSpace(meta.Title) || string.IsNullOrWhiteSpace(meta.Summary))
        {
            problems.Add($"{name}: front matter needs a title and a summary");
            return null;
        }

        if (meta.Summary.Length > 300)
        {
            problems.Add($"{name}: summary is over 300 characters");
        }

        var sources = (meta.Sources ?? []).Select(s => new PageSource(s.Id ?? "", s.Title ?? "", s.Publisher, s.Url, s.Note)).ToList();
        foreach (var source in sources.Where(s => string.IsNullOrWhiteSpace(s.Title) || !SlugPattern().IsMatch(s.Id)))
        {
            problems.Add($"{name}: source '{source.Id}' needs a kebab-case id and a title");
        }

        var body = text[match.Length..];
        var document = Markdown.Parse(body, Pipeline);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<(string, string)>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            if (heading.Level == 1)
            {
                problems.Add($"{name}: line {heading.Line + 1}: use ## and below; the title is the page's only # heading");
            }

            if (id is not null && !anchors.Add(id))
            {
                problems.Add($"{name}: anchor '#{id}' is used twice");
            }

            if (id is not null && heading.Level == 2)
            {
                sections.Add((id, InlineText(heading.Inline)));
            }
        }

        CheckMarkup(document, name, problems);
        var links = document.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url is not null).Select(l => l.Url!).ToList();
        var citations = links.Where(l => l.StartsWith("#src-", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        var page = new LearnPage(slug, language, meta.Title.Trim(), meta.Summary.Trim(), meta.Order,
            meta.Catalog ?? [], sources, document.ToHtml(Pipeline), Markdown.ToPlainText(body, Pipeline), anchors, sections);
        return (page, links, citations);
    }

    private static void CheckPage(ContentLibrary library, IndicatorCatalog catalog, LearnPage page,
        IReadOnlyList<string> links, IReadOnlyList<string> citations, List<string> problems, bool checkTwin = true,
        string? fileName = null, Func<string, LearnPage?>? resolve = null, IReadOnlySet<string>? appPaths = null)
    {
        var name = fileName ?? $"{page.Language}/{page.Slug}.md";
        if (checkTwin)
        {
            CheckTwin(library, page, name, problems);
        }

        foreach (var id in page.CatalogIds)
        {
            if (!catalog.Contains(id))
            {
                problems.Add($"{name}: '{id}' is not a catalog ID");
            }
            else if (!page.Anchors.Contains(id))
            {
                problems.Add($"{name}: no anchor for catalog ID '{id}' (write a heading ending in {{#{id}}})");
            }
        }

        var sourceIds = page.Sources.Select(s => s.Id).ToHashSet();
        problems.AddRange(citations.Where(c => !sourceIds.Contains(c)).Distinct().Select(c => $"{name}: cites '#src-{c}', which is not in its sources"));
        problems.AddRange(sourceIds.Where(s => !citations.Contains(s)).Select(s => $"{name}: source '{s}' is never cited in the text"));
        foreach (var link in links.Where(l => l.StartsWith('/') || (l.StartsWith('#') && !l.StartsWith("#src-", StringComparison.Ordinal))))
        {
            if (LinkProblem(library, page, link, resolve, appPaths ?? AppPaths) is { } problem)
            {
                problems.Add($"{name}: broken link '{link}': {problem}");
            }
        }
    }

    private static void CheckTwin(ContentLibrary library, LearnPage page, string name, List<string> problems)
    {
        var twinLanguage = page.Language == "en" ? "es" : "en";
        var twin = library.Find(twinLanguage, page.Slug);
        if (twin is null)
        {
            problems.Add($"{name}: no {(twinLanguage == "es" ? "Spanish" : "English")} twin ({twinLanguage}/{page.Slug}.md)");
            return;
        }

        if (page.Language != "en")
        {
            return; // each pair is compared once, from the English side
        }

        if (!page.CatalogIds.ToHashSet().SetEquals(twin.CatalogIds))
        {
            problems.Add($"{name}: catalog IDs differ from its Spanish twin");
        }

        if (!page.Sources.Select(s => s.Id).ToHashSet().SetEquals(twin.Sources.Select(s => s.Id)))
        {
            problems.Add($"{name}: source ids differ from its Spanish twin");
        }

        if (page.Order != twin.Order)
        {
            problems.Add($"{name}: order differs from its Spanish twin");
        }
    }

    private static string? LinkProblem(ContentLibrary library, LearnPage page, string link,
        Func<string, LearnPage?>? resolve, IReadOnlySet<string> appPaths)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var target = path.Length == 0 ? page
            : path.StartsWith("/learn/", StringComparison.Ordinal) && path != "/learn/search" ? library.Find(page.Language, path["/learn/".Length..])
            : resolve?.Invoke(path);
        if (target is null && path.Length > 0)
        {
            return appPaths.Contains(path) && anchor is null ? null : "no such page";
        }

        return anchor is not null && !target!.Anchors.Contains(anchor) ? $"no anchor '#{anchor}' on {target.Slug}" : null;
    }

    private static void CheckCoverage(ContentLibrary library, IndicatorCatalog catalog, List<string> problems)
    {
        var covered = library.Pages.SelectMany(p => p.CatalogIds).ToHashSet();
        foreach (var domain in catalog.Domains.Where(d => CoveredDomains.Contains(d.Id)))
        {
            problems.AddRange(domain.Items.Where(i => !covered.Contains(i.Id))
                .Select(i => $"catalog: '{i.Id}' ({domain.Id}) is covered by no Learn page"));
        }
    }

    /// <summary>Schemes a link may use: the web, mail and phone. A <c>javascript:</c> link would run in the page.</summary>
    private static readonly string[] LinkSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>
    /// Raw HTML is off, but generic attributes (<c>{#id .class}</c>) would also carry <c>onclick</c> or
    /// <c>style</c>, and a link its own scheme: only ids and classes, and links on the web, by mail or by phone.
    /// </summary>
    private static void CheckMarkup(MarkdownDocument document, string name, List<string> problems)
    {
        foreach (var node in document.Descendants())
        {
            if (node.TryGetAttributes() is { Properties.Count: > 0 } attributes)
            {
                problems.Add($"{name}: line {node.Line + 1}: only {{#id}} and {{.class}} attributes are allowed, not '{attributes.Properties[0].Key}'");
            }

            if (node is LinkInline { Url: { } url } && url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
                && url.IndexOfAny(['/', '#', '?']) is var path && (path < 0 || colon < path)
                && !LinkSchemes.Contains(url[..colon].ToLowerInvariant()))
            {
                problems.Add($"{name}: line {node.Line + 1}: link '{url}' uses a scheme other than {string.Join(", ", LinkSchemes)}");
            }
        }
    }

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    [GeneratedRegex(@"\A---\n(?<yaml>.*?)\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatterPattern();

    /// <summary>Whether a name is kebab-case (lower-case letters and digits joined by single hyphens).</summary>
    public static bool IsSlug(string? name) => name is not null && SlugPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public int Order { get; set; }
        public List<string>? Catalog { get; set; }
        public List<SourceDto>? Sources { get; set; }
    }

    private sealed class SourceDto
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Publisher { get; set; }
        public string? Url { get; set; }
        public string? Note { get; set; }
    }
}
