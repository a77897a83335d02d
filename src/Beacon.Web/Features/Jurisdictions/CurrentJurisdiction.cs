using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Jurisdictions;

/// <summary>
/// Which county a request is about: the one the visitor picked (cookie), else the signed-in
/// user's own, else the deployment's default, else none (the help bar then offers a choice).
/// </summary>
public sealed class CurrentJurisdiction(ContactDirectory directory, IOptions<BeaconOptions> options)
{
    public const string CookieName = "beacon.county";
    public const string ClaimType = "beacon:jurisdiction";

    public async Task<Jurisdiction?> ResolveAsync(HttpContext context, CancellationToken ct = default)
    {
        var picked = context.Request.Cookies[CookieName];
        return await directory.FindAsync(picked, ct)
               ?? await directory.FindAsync(context.User.FindFirst(ClaimType)?.Value, ct)
               ?? await directory.FindAsync(options.Value.DefaultJurisdiction, ct);
    }

    public static void Remember(HttpResponse response, string jurisdictionId) =>
        response.Cookies.Append(CookieName, jurisdictionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
}
