using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Every refusal under <c>/api</c> is a problem-details body that names what was wrong, never the HTML error page:
/// a body that is not JSON, is malformed, or holds a value of the wrong kind (the minimal APIs throw for these, so that
/// the reason reaches <see cref="BadRequestHandler"/>), a body that is not JSON at all, an unknown address. A
/// malformed body is described by where it broke, never by quoting it: a note sent to <c>/api/scan</c> is case text.
/// </summary>
public static class ApiProblems
{
    public static readonly PathString Prefix = "/api";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The fallback's answer under <c>/api</c>: every endpoint there reads JSON, so a body of another type is a 415
    /// (routing sends it here because no JSON endpoint accepts it); anything else is an unknown address.
    /// </summary>
    public static Task FallbackAsync(HttpContext context)
    {
        if (context.Request.ContentLength > 0 || !string.IsNullOrEmpty(context.Request.ContentType))
        {
            if (!context.Request.HasJsonContentType())
            {
                return WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    $"Beacon's API reads JSON only: send the body as application/json (this one was {Describe(context.Request.ContentType)}).");
            }
        }

        return WriteAsync(context, StatusCodes.Status404NotFound, "There is no API endpoint at this address.");
    }

    /// <summary>Problem details whatever the request's Accept header says (the problem-details service alone would refuse text/html).</summary>
    internal static Task WriteAsync(HttpContext context, int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status).ExecuteAsync(context);

    private static string Describe(string? contentType) => string.IsNullOrEmpty(contentType) ? "sent without a type"
        : contentType.Split(';')[0].Trim() is { Length: > 0 and <= 100 } type ? type : "of another type";

    /// <summary>A bad request found while reading an API request's body or parameters, as problem details.</summary>
    public sealed class BadRequestHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            // The middleware has already pointed the request at the error page: the address asked for is in its feature.
            var path = context.Features.Get<IExceptionHandlerFeature>()?.Path;
            if (exception is not BadHttpRequestException bad || path is null || !new PathString(path).StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            context.Response.StatusCode = bad.StatusCode;
            await WriteAsync(context, bad.StatusCode, Detail(context, bad));
            return true;
        }

        private static string Detail(HttpContext context, BadHttpRequestException bad) => bad switch
        {
            { StatusCode: StatusCodes.Status413PayloadTooLarge } => "The body is larger than this endpoint accepts.",
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                $"Beacon's API reads JSON only: send the body as application/json (this one was {Describe(context.Request.ContentType)}).",
            { InnerException: JsonException json } => Where(json),
            // The minimal API's own messages name the parameter and never the body ("Required parameter ... was not provided").
            _ => bad.Message,
        };

        private static string Where(JsonException json)
        {
            var at = json.LineNumber is { } line && json.BytePositionInLine is { } position
                ? $" (line {line + 1}, byte {position + 1})" : "";
            return string.IsNullOrEmpty(json.Path) || json.Path == "$"
                ? $"The body is not valid JSON for this endpoint{at}: check that it is one complete, well-formed JSON object in UTF-8."
                : $"The body's value at {json.Path} is malformed or not of the kind this endpoint expects{at}.";
        }
    }
}
