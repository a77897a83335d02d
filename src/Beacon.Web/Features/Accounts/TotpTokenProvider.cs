using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Beacon.Web.Features.Accounts;

/// <summary>
/// RFC 6238 codes (30-second steps, one step of drift either way) that are accepted once each:
/// the accepted time step is stored on the user, and a code from that step or an earlier one is refused.
/// </summary>
public sealed class TotpTokenProvider : IUserTwoFactorTokenProvider<BeaconUser>
{
    public const string ProviderName = "BeaconTotp";

    public Task<string> GenerateAsync(string purpose, UserManager<BeaconUser> manager, BeaconUser user) =>
        Task.FromResult(string.Empty); // codes come from the user's authenticator app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<BeaconUser> manager, BeaconUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !TryMatch(key, token, DateTime.UtcNow, out var step))
        {
            return false;
        }

        if (user.LastTotpTimeStep is { } last && step <= last)
        {
            return false;
        }

        user.LastTotpTimeStep = step;
        // UpdateAsync checks the concurrency stamp, so two requests racing with one code cannot both win.
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<BeaconUser> manager, BeaconUser user) =>
        Task.FromResult(user.TwoFactorEnabled);

    /// <summary>Checks a code against a Base32 key; <paramref name="timeStep"/> is the step it matched.</summary>
    public static bool TryMatch(string base32Key, string code, DateTime utcNow, out long timeStep)
    {
        timeStep = 0;
        code = new string(code.Where(char.IsDigit).ToArray());
        if (code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(utcNow, code, out timeStep, new VerificationWindow(previous: 1, future: 1));
    }

    /// <summary>The code an authenticator shows at <paramref name="utcNow"/>; used by tests and the CLI check.</summary>
    public static string CodeAt(string base32Key, DateTime utcNow) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(utcNow);
}
