using Beacon.Core.Scanning;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// Shows a text with what the note scanner finds in it (see <see cref="ScannedText"/>): every page that shows
/// a case note, a tip, a call or a narrative uses this one rendering. It scans the text itself unless the page
/// already has the scan. <c>id</c> must be unique on the page; <c>heading</c> is the level of the list's title.
/// </summary>
public sealed class ScannedTextViewComponent(LearnContent content, IStringLocalizer<ScanResource> n) : ViewComponent
{
    public const string ViewPath = "/Features/Scanning/_ScannedText.cshtml";

    public IViewComponentResult Invoke(string text, string id, int heading = 3, string? lang = null, NoteScan? scan = null, bool showEmpty = false)
    {
        var model = ScannedText.Build(text, scan ?? content.Scanners.Scan(text), id, lang, content.Catalog, Localization.Language,
            (status, name) => n["Highlight.Tag", n["Status." + ScannedText.Code(status)], name], heading, showEmpty);
        return View(ViewPath, model);
    }
}
