using System.Globalization;
using System.Security.Claims;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Accounts;

/// <summary>Identity, the session cookie and the authorization policies.</summary>
public static class AccountsSetup
{
    public const string SessionCookie = "beacon.session";

    public static IServiceCollection AddBeaconAccounts(this IServiceCollection services)
    {
        services.AddIdentity<BeaconUser, IdentityRole<Guid>>(o =>
            {
                // Length and the block list are checked by BeaconPasswordValidator; no composition rules.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<BeaconDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.ProviderName)
            .AddPasswordValidator<BeaconPasswordValidator>()
            .AddClaimsPrincipalFactory<BeaconClaimsFactory>();

        // Every request re-reads the security stamp, so disabling a user ends their sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = ctx =>
            {
                var carried = ctx.CurrentPrincipal?.Claims
                    .Where(c => c.Type is Policies.AmrClaim or Policies.AuthTimeClaim) ?? [];
                (ctx.NewPrincipal?.Identity as ClaimsIdentity)?.AddClaims(carried.Select(c => new Claim(c.Type, c.Value)));
                return Task.CompletedTask;
            };
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<BeaconOptions>>((o, beacon) => ConfigureSessionCookie(o, beacon.Value.Sessions));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "beacon.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        services.AddAuthorization(Policies.Add);
        services.AddScoped<SetupTokens>();
        services.AddScoped<AccountCreation>();
        return services;
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions o, BeaconOptions.SessionOptions sessions)
    {
        o.Cookie.Name = SessionCookie;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(sessions.IdleMinutes);
        o.SlidingExpiration = true;
        o.LoginPath = "/account/sign-in";
        o.LogoutPath = "/account/sign-out";
        o.AccessDeniedPath = "/account/access-denied";
        o.Events.OnSigningIn = ctx =>
        {
            var identity = ctx.Principal?.Identity as ClaimsIdentity;
            if (identity is not null && !identity.HasClaim(c => c.Type == Policies.AuthTimeClaim))
            {
                identity.AddClaim(new Claim(Policies.AuthTimeClaim,
                    DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
            }

            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = async ctx =>
        {
            if (IsPastAbsoluteLimit(ctx.Principal, sessions.AbsoluteHours))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        };
        o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
    }

    internal static bool IsPastAbsoluteLimit(ClaimsPrincipal? principal, int absoluteHours)
    {
        var value = principal?.FindFirstValue(Policies.AuthTimeClaim);
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return principal?.Identity?.IsAuthenticated == true; // a session without a start time is not trusted
        }

        return DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(absoluteHours);
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = apiStatus;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
