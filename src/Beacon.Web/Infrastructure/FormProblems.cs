using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Beacon.Web.Infrastructure;

/// <summary>Why a page refused a post before its handler ran; the error page names it.</summary>
public enum FormProblem
{
    /// <summary>No antiforgery token, or one that belongs to another sign-in or has expired.</summary>
    Token,
    /// <summary>Not sent as a web form (JSON, plain text...) and without a token header.</summary>
    NotAForm,
    /// <summary>A value longer, or more fields, than a form may send.</summary>
    TooLarge,
    /// <summary>A form body that cannot be read (a broken multipart body).</summary>
    Unreadable,
}

/// <summary>
/// A refused antiforgery check is a bare 400 whose cause the error page cannot see: the token may be missing, or the
/// form could not even be read to find it. This tells them apart, so that the page says which (413 for a form too
/// large, 415 for a body that is not a form), and keeps the reason for <see cref="FormProblems.Of"/>.
/// </summary>
public sealed class FormProblemFilter : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var problem = await FormProblems.ClassifyAsync(context.HttpContext.Request);
            context.HttpContext.Items[FormProblems.Key] = problem;
            context.Result = problem switch
            {
                FormProblem.TooLarge => new StatusCodeResult(StatusCodes.Status413PayloadTooLarge),
                FormProblem.NotAForm => new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType),
                _ => context.Result,
            };
        }

        await next();
    }
}

public static class FormProblems
{
    public const string Key = "beacon:form-problem";

    public static FormProblem? Of(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as FormProblem? : null;

    /// <summary>
    /// Reads the form again: a failed read is remembered by the form feature and throws the same exception, so the
    /// body is not read twice. Form limits throw <see cref="InvalidDataException"/> ("... limit ... exceeded"), a
    /// server's body limit a <see cref="BadHttpRequestException"/> with 413, a broken body an <see cref="IOException"/>.
    /// </summary>
    internal static async Task<FormProblem> ClassifyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType) ? FormProblem.Token : FormProblem.NotAForm;
        }

        try
        {
            await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return FormProblem.Token;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return FormProblem.TooLarge;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return FormProblem.TooLarge;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return FormProblem.Unreadable;
        }
    }
}
