using Beacon.Core.Catalog;
using Beacon.Core.Content;

namespace Beacon.Core.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("beacon-content-").FullName;
    private readonly IndicatorCatalog _catalog;

    public ContentLoaderTests()
    {
        var catalogPath = Path.Combine(_root, "indicators.json");
        File.WriteAllText(catalogPath, """
            { "domains": [ { "id": "general", "name": { "en": "Signs", "es": "Señales" }, "seed": "000", "items": [
                { "id": "chronic-runaway", "seedText": "Chronic runaway", "seed": "000", "text": { "en": "Runs away often", "es": "Se escapa a menudo" } },
                { "id": "withdrawal", "seedText": "Withdrawal from friends/family", "seed": "000", "text": { "en": "Pulls away", "es": "Se aleja" } } ] } ],
              "roles": [] }
            """);
        _catalog = IndicatorCatalog.Load(catalogPath);
        Directory.CreateDirectory(Path.Combine(_root, "learn", "en"));
        Directory.CreateDirectory(Path.Combine(_root, "learn", "es"));
    }

    [Fact]
    public void Load_WellFormedTwins_HasNoProblemsAndRendersAnchorsAndCitations()
    {
        WritePair("signs");

        var library = Load();

        Assert.Empty(library.Problems);
        var page = library.Find("en", "signs")!;
        Assert.Equal("Signs", page.Title);
        Assert.Contains("id=\"chronic-runaway\"", page.Html);
        Assert.Contains("href=\"#src-seed-000\"", page.Html);
        Assert.Equal("signs", library.PageFor("es", "withdrawal")?.Slug);
        Assert.DoesNotContain("<script>", library.Find("es", "signs")!.Html); // raw HTML is not rendered
    }

    [Fact]
    public void Load_MissingSpanishTwin_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(_root, "learn", "en", "signs.md"), Page("Signs", "chronic-runaway", "withdrawal"));

        Assert.Contains("en/signs.md: no Spanish twin (es/signs.md)", Load().Problems);
    }

    [Fact]
    public void Load_CatalogIdWithoutAnchor_NamesIdAndFile()
    {
        WritePair("signs", body: "## Signs {#signs}\n\nSee [Placer](#src-seed-000).\n\n### Runs away {#chronic-runaway}\n");

        var problems = Load().Problems;

        Assert.Contains(problems, p => p.StartsWith("en/signs.md: no anchor for catalog ID 'withdrawal'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("es/signs.md: no anchor for catalog ID 'withdrawal'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CatalogIdCoveredNowhere_IsReported()
    {
        WritePair("signs", catalogIds: ["chronic-runaway"], body: "## A {#a}\n\n[s](#src-seed-000)\n\n### R {#chronic-runaway}\n");

        Assert.Contains("catalog: 'withdrawal' (general) is covered by no Learn page", Load().Problems);
    }

    [Fact]
    public void Load_SourceWithoutTitle_IsReported()
    {
        WritePair("signs", sourceTitle: "");

        Assert.Contains(Load().Problems, p => p.Contains("source 'seed-000' needs a kebab-case id and a title", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenInternalLinks_AreReported()
    {
        WritePair("signs", extra: "\n[gone](/learn/nowhere) [bad anchor](/learn/signs#nope) [app](/report) [nowhere](/admin)\n");

        var problems = Load().Problems.Where(p => p.StartsWith("en/", StringComparison.Ordinal)).ToList();

        Assert.Contains("en/signs.md: broken link '/learn/nowhere': no such page", problems);
        Assert.Contains("en/signs.md: broken link '/learn/signs#nope': no anchor '#nope' on signs", problems);
        Assert.Contains("en/signs.md: broken link '/admin': no such page", problems);
        Assert.DoesNotContain(problems, p => p.Contains("'/report'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ScriptCarryingAttributesAndLinkSchemes_AreReported()
    {
        WritePair("signs", extra: "\n[run](javascript:alert(1)) [data](data:text/html,x) [web](https://example.org/a:b) [mail](mailto:a@b.example)\n\n## Styled {#styled onclick=\"alert(1)\"}\n");

        var problems = Load().Problems.Where(p => p.StartsWith("en/", StringComparison.Ordinal)).ToList();

        Assert.Contains(problems, p => p.EndsWith("link 'javascript:alert(1)' uses a scheme other than http, https, mailto, tel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("link 'data:text/html,x'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("only {#id} and {.class} attributes are allowed, not 'onclick'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("'https://example.org", StringComparison.Ordinal) || p.Contains("'mailto:a@b", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UncitedSourceAndUnknownCitation_AreReported()
    {
        WritePair("signs", body: "## A {#a}\n\n[x](#src-other)\n\n### R {#chronic-runaway}\n\n### W {#withdrawal}\n");

        var problems = Load().Problems;

        Assert.Contains("en/signs.md: cites '#src-other', which is not in its sources", problems);
        Assert.Contains("en/signs.md: source 'seed-000' is never cited in the text", problems);
    }

    [Fact]
    public void Load_UnknownCatalogIdOrBadYaml_IsReported()
    {
        WritePair("signs", catalogIds: ["chronic-runaway", "withdrawal", "made-up-sign"]);
        File.WriteAllText(Path.Combine(_root, "learn", "en", "broken.md"), "---\ntitle: [unclosed\n---\n");
        File.WriteAllText(Path.Combine(_root, "learn", "es", "broken.md"), "no front matter");

        var problems = Load().Problems;

        Assert.Contains("en/signs.md: 'made-up-sign' is not a catalog ID", problems);
        Assert.Contains(problems, p => p.StartsWith("en/broken.md: front matter is not valid", StringComparison.Ordinal));
        Assert.Contains("es/broken.md: no front matter (--- … --- at the top)", problems);
    }

    [Fact]
    public void Search_AccentlessQuery_FindsAccentedSpanishText()
    {
        WritePair("signs");

        var hits = ContentSearch.Search(Load(), "es", "SENALES huye");

        Assert.Equal("signs", Assert.Single(hits).Page.Slug);
        Assert.Contains("huye", hits[0].Snippet);
        Assert.Empty(ContentSearch.Search(Load(), "es", "nothing-like-this"));
        Assert.Empty(ContentSearch.Search(Load(), "es", "  "));
    }

    private ContentLibrary Load() => ContentLoader.Load(Path.Combine(_root, "learn"), _catalog);

    private void WritePair(string slug, string[]? catalogIds = null, string? body = null, string sourceTitle = "Placer COE infographic", string extra = "")
    {
        var ids = catalogIds ?? ["chronic-runaway", "withdrawal"];
        File.WriteAllText(Path.Combine(_root, "learn", "en", slug + ".md"), Page("Signs", ids, body, sourceTitle) + extra);
        File.WriteAllText(Path.Combine(_root, "learn", "es", slug + ".md"),
            Page("Señales", ids, body ?? "## Señales {#signs}\n\nSegún [Placer](#src-seed-000), un joven que huye.\n\n### Huye {#chronic-runaway}\n\n### Se aleja {#withdrawal}\n\n<script>alert(1)</script>\n", sourceTitle));
    }

    private static string Page(string title, params string[] ids) => Page(title, ids, null, "Placer COE infographic");

    private static string Page(string title, string[] ids, string? body, string sourceTitle) => $"""
        ---
        title: {title}
        summary: A page about {title}.
        order: 2
        catalog: [{string.Join(", ", ids)}]
        sources:
          - id: seed-000
            title: "{sourceTitle}"
            url: https://www.placercoe.org
        ---
        {body ?? "## Signs {#signs}\n\nAs [Placer](#src-seed-000) says.\n\n### Runs away {#chronic-runaway}\n\n### Pulls away {#withdrawal}\n"}
        """;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
