using System.Globalization;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// The output cache of the public pages whose content is the same for every visitor (the home page, the Learn pages,
/// the training pages as a visitor sees them): rendered once per address, language and county, then served from memory
/// for <see cref="Lifetime"/> (docs/performance.md, Web throughput). A page opts in with <see cref="PolicyName"/>.
/// </summary>
/// <remarks>
/// What keeps anything personal out of it, whatever a page does later:
/// <list type="bullet">
/// <item>Only a GET or HEAD from a visitor who is not signed in and sends no Authorization header is looked up or
/// stored (the middleware runs after authentication, so a staff member is known).</item>
/// <item>Only a 200 that sets no cookie and is not marked <c>no-store</c> or <c>private</c> is stored: a page that
/// renders a form with an antiforgery token is marked <c>no-store</c> by antiforgery itself, and every staff or
/// sensitive address by <see cref="SecurityHeaders"/>, so neither is ever kept.</item>
/// <item>The entry is keyed by the address with its query, the language the page was rendered in and the county the
/// help bar shows (the county cookie, only when it names a known county, so made-up values share one entry), and the
/// contact directory's generation.</item>
/// </list>
/// A change an administrator makes to a county or its contacts evicts every entry (<see cref="EvictAsync"/>); another
/// instance's entries expire within <see cref="Lifetime"/> (ADR-014).
/// </remarks>
public static class PublicPageCache
{
    public const string PolicyName = "public-page";
    public const string Tag = "public-pages";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            // The pages are a few tens of kilobytes in two languages; a made-up query string makes a new entry, so the
            // whole cache is bounded (the middleware evicts the least recently used when it is full).
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddPolicy(PolicyName, new Policy());
            // /Learn and /learn kept apart, so that a copy's return address (the layout's language form) is its visitor's own.
            o.UseCaseSensitivePaths = true;
        });

    /// <summary>Drops every cached page, after a change to what the pages show (a county, a contact).</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct = default) =>
        store.EvictByTagAsync(Tag, ct).AsTask();

    private sealed class Policy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
                            http.User.Identity?.IsAuthenticated != true &&
                            !request.Headers.ContainsKey(HeaderNames.Authorization);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            context.Tags.Add(Tag);
            context.CacheVaryByRules.VaryByHost = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
            var directory = http.RequestServices.GetRequiredService<ContactDirectory>();
            // Read before the page renders: a page rendered while an administrator's change is saved is kept under the
            // old generation, which no later request asks for (ContactDirectory.Generation).
            context.CacheVaryByRules.VaryByValues["directory"] = directory.Generation.ToString(CultureInfo.InvariantCulture);
            var county = await directory.FindAsync(request.Cookies[CurrentJurisdiction.CookieName], cancellation);
            context.CacheVaryByRules.VaryByValues["county"] = county?.Id ?? "";
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK ||
                response.Headers.ContainsKey(HeaderNames.SetCookie) ||
                cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) ||
                cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
