using Beacon.Core.Scanning;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// Shows a text with what the note scanner finds in it (see <see cref="ScannedText"/>): every page that shows
/// a case note, a tip, a call or a narrative uses this one rendering. It scans the text itself unless the page
/// already has the scan. <c>id</c> must be unique on the page; the list's title is an h3 (every page shows the text
/// under an h2).
/// </summary>
public sealed class ScannedTextViewComponent(LearnContent content, IStringLocalizer<ScanResource> n) : ViewComponent
{
    public const string ViewPath = "/Features/Scanning/_ScannedText.cshtml";

    // Set on the request once a scanned text has shown the legend: a case with twenty notes explains it once.
    private const string LegendShown = "beacon.scan-legend-shown";

    public IViewComponentResult Invoke(ScannedTextArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scan = args.Scan ?? content.Scanners.Scan(args.Text);
        // The text's language, when the page does not know it, is the one the scanner read it in (WCAG 3.1.2).
        var model = ScannedText.Build(args.Text, scan, args.Id, args.Lang ?? scan.Language, content.Catalog,
            Localization.Language, (status, name) => n["Highlight.Tag", n["Status." + status.Name()], name], args.ShowEmpty);
        if (model.Findings.Count > 0)
        {
            model = model with { ShowLegend = HttpContext.Items.TryAdd(LegendShown, true) };
        }

        return View(ViewPath, model);
    }
}

/// <summary>
/// What <see cref="ScannedTextViewComponent"/> shows, in one object whose <see cref="ToString"/> says nothing of the
/// text: MVC logs a view component's arguments at Debug level, and the text is a case note, a tip or a narrative.
/// </summary>
public sealed class ScannedTextArgs(string text, string id)
{
    public string Text { get; } = text;
    public string Id { get; } = id;
    public string? Lang { get; init; }
    public NoteScan? Scan { get; init; }
    public bool ShowEmpty { get; init; }

    public override string ToString() => $"scanned text #{Id}";
}
