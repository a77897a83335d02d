using System.Text.Encodings.Web;
using Beacon.Core.Catalog;
using Beacon.Core.Scanning;
using Microsoft.AspNetCore.Html;

namespace Beacon.Web.Features.Scanning;

/// <summary>One finding as shown: the catalog item's name in the page's language and the id of its highlight (null when not highlighted).</summary>
public sealed record ShownFinding(Finding Finding, string Name, string? AnchorId);

/// <summary>
/// A text and what the note scanner found in it, ready to show: the text HTML-encoded with each finding in a
/// <c>mark</c> followed by a written label ("stated: Has more than one phone"), because colour alone must not
/// carry the meaning; and the findings in text order for the list under it.
/// </summary>
public sealed record ScannedText(string Id, string? Lang, IHtmlContent Markup, IReadOnlyList<ShownFinding> Findings, bool ShowEmpty)
{
    /// <summary>The order of the list's groups: what the text states, what it denies, what it leaves uncertain.</summary>
    public static readonly FindingStatus[] Groups = [FindingStatus.Present, FindingStatus.Negated, FindingStatus.Uncertain];

    /// <summary>Whether the list explains the three highlights: once a page, on the first text that has findings.</summary>
    public bool ShowLegend { get; init; } = true;

    public IReadOnlyList<ShownFinding> In(FindingStatus status) => Findings.Where(f => f.Finding.Status == status).ToList();

    /// <summary>
    /// Builds the marked-up text. <paramref name="id"/> prefixes every highlight's id (unique on the page);
    /// <paramref name="label"/> gives a highlight's written label; <paramref name="labelLang"/>, when the text is
    /// marked as another language than the page's, keeps the labels in the page's language.
    /// </summary>
    public static ScannedText Build(string text, NoteScan scan, string id, string? lang, IndicatorCatalog catalog, string pageLanguage,
        Func<FindingStatus, string, string> label, bool showEmpty = false)
    {
        var html = new HtmlContentBuilder();
        var shown = new List<ShownFinding>();
        var labelLang = lang is not null && lang != pageLanguage ? $" lang=\"{pageLanguage}\"" : "";
        var at = 0;
        foreach (var (finding, index) in scan.Findings.OrderBy(f => f.Start).Select((f, i) => (f, i)))
        {
            var name = catalog.Find(finding.Indicator)?.Text.For(pageLanguage) ?? finding.Indicator;
            // Two items' phrases may overlap ("threatened to post nude pictures"): the later one is marked from where
            // the earlier mark ends. One wholly inside an earlier mark (or out of the text) is listed without a mark.
            var from = Math.Max(finding.Start, at);
            while (from < finding.End && from < text.Length && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            if (from >= finding.End || finding.End > text.Length)
            {
                shown.Add(new ShownFinding(finding, name, null));
                continue;
            }

            var anchor = HtmlEncoder.Default.Encode($"{id}-f{index}");
            html.Append(text[at..from]);
            html.AppendHtml($"<span class=\"scan-hit scan-{finding.Status.Name()}\" id=\"{anchor}\"><mark>");
            html.Append(text[from..finding.End]);
            // The space and parentheses are for screen readers: "two phones (stated: Has more than one phone)". The whole
            // tag is left out of a copy (site.css), so a copied note reads as written.
            html.AppendHtml($"</mark><span class=\"scan-tag\"{labelLang}><span class=\"visually-hidden\"> (</span>");
            html.Append(label(finding.Status, name));
            html.AppendHtml("<span class=\"visually-hidden\">)</span></span></span>");
            shown.Add(new ShownFinding(finding, name, anchor));
            at = finding.End;
        }

        html.Append(text[at..]);
        return new ScannedText(id, lang, html, shown, showEmpty);
    }
}
