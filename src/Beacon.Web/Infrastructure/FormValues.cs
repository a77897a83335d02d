using Microsoft.Extensions.Primitives;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Case text (a note, a youth's reference) is read from the posted form, not bound as a handler argument: MVC logs
/// handler arguments at Trace level. A post that is not a form (JSON with the antiforgery header) has no such value
/// and gets the page's "required" error, instead of the exception <c>Request.Form</c> throws for it.
/// </summary>
public static class FormValues
{
    public static StringValues FormValue(this HttpRequest request, string name) =>
        request.HasFormContentType ? request.Form[name] : StringValues.Empty;
}
