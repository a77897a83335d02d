using System.Globalization;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Home;

/// <summary>
/// Shown for unhandled errors and for status codes such as 404; never shows exception details. A request refused
/// for what it carried (a missing token, a form too large, a body that is not a form, too many in a minute) is told
/// which, so that the person knows what to do next.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    /// <summary>The resource key of the text that names the problem, for a refused request; null for a failure of Beacon's own.</summary>
    public string? RefusedText { get; private set; }

    // Nothing is model-bound: binding reads the form too, and a re-executed post whose form could not be read would
    // lose its status that way.
    public void OnGet()
    {
        var status = int.TryParse(Request.Query["status"], CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        IsNotFound = status == StatusCodes.Status404NotFound;
        RefusedText = status switch
        {
            StatusCodes.Status400BadRequest => FormProblems.Of(HttpContext) switch
            {
                FormProblem.Token => "Error.Refused.Token",
                FormProblem.Unreadable => "Error.Refused.Unreadable",
                _ => "Error.Refused.BadRequest",
            },
            StatusCodes.Status413PayloadTooLarge => "Error.Refused.TooLarge",
            StatusCodes.Status415UnsupportedMediaType => "Error.Refused.NotAForm",
            StatusCodes.Status429TooManyRequests => "Error.Refused.TooMany",
            _ => null,
        };
    }

    public void OnPost() => OnGet();
}
