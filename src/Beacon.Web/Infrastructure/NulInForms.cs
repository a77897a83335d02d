using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// A NUL character in a posted form is refused (400, "could not be read as a form"), as the url-encoded form reader
/// already refuses it: a multipart form is read as sent, and a NUL that reached the database failed the save on
/// PostgreSQL, whose text cannot hold one (a 500). No browser sends one from a text box.
/// </summary>
public sealed class NulInForms : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (await HasNulAsync(context.HttpContext.Request))
        {
            context.HttpContext.Items[FormProblems.Key] = FormProblem.Unreadable;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        await next();
    }

    private static async Task<bool> HasNulAsync(HttpRequest request)
    {
        // Only multipart: the url-encoded reader refuses a NUL itself, so those forms are not read and searched twice on
        // every post. The error page, re-executed for the refused post with the same form, must show the refusal, not
        // repeat it.
        if (!HttpMethods.IsPost(request.Method) ||
            !request.ContentType.AsSpan().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return false;
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A form that cannot be read is refused where it is read (the antiforgery check), or by the error page that shows that.
            return false;
        }
    }
}
