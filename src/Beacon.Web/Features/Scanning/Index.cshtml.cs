using Beacon.Web.Infrastructure;
using Beacon.Core.Scanning;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// <c>/scan</c>: a staff member pastes a note or a narrative and sees the signs the note scanner finds in it,
/// stated, denied or uncertain, in English or Spanish. Nothing is stored and nothing about the text is logged
/// or audited: the text only lives in this request.
/// </summary>
[RequestFormLimits(ValueLengthLimit = IndexModel.MaxFormValue)]
public sealed class IndexModel(LearnContent content, IStringLocalizer<ScanResource> n) : PageModel
{
    public const int MaxLength = ScanApi.MaxTextLength;

    /// <summary>
    /// The longest form value read: a note at the limit whose line breaks come as two characters (the textarea
    /// counts one). Past it the form is refused (4xx) before the text is read, instead of read, measured and
    /// written back whole.
    /// </summary>
    public const int MaxFormValue = MaxLength * 2;
    public const string Detect = "auto";

    /// <summary>The language choices, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Languages = [Detect, .. ScannerLexicon.Languages];

    public string Text { get; private set; } = "";
    public string Language { get; private set; } = Detect;
    public NoteScan? Scan { get; private set; }

    public void OnGet()
    {
    }

    // The note is read from the form, not bound as a handler argument: MVC logs handler arguments at Trace level,
    // and the note is case text about a youth.
    public IActionResult OnPost()
    {
        Text = Request.FormValue("text").ToString();
        Language = Request.FormValue("language") is { Count: > 0 } chosen ? chosen.ToString() : Detect;
        if (!Languages.Contains(Language))
        {
            ModelState.AddModelError("language", n["Error.Language", n["Field.Language"]]);
            Language = Detect;
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError("text", n["Error.Required", n["Field.Text"]]);
        }
        else if (Text.Length > MaxLength)
        {
            ModelState.AddModelError("text", n["Error.TooLong", n["Field.Text"], MaxLength, Text.Length]);
        }

        if (ModelState.IsValid)
        {
            Scan = content.Scanners.Scan(Text, Language == Detect ? null : Language);
        }

        return Page();
    }
}
