using System.Net;
using System.Text.RegularExpressions;
using Beacon.Web.Features.Accounts;

namespace Beacon.Bench.Load;

/// <summary>
/// One browser's cookies shared by the workers: signed in as the staff member (password, then the authenticator's
/// code) or anonymous. Redirects are not followed: the redirect is what says a write was stored. The antiforgery
/// token is taken once from a page's form and reused (it is bound to the cookie and the user, not to one request).
/// After a restart of the server the cookies still hold (the key ring is in the database); should the server ask
/// for sign-in again, the next write signs in anew.
/// </summary>
public sealed partial class Session(string url, Session.Account? account)
{
    private readonly SocketsHttpHandler _handler = new()
    {
        CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true, MaxConnectionsPerServer = 64,
    };

    private HttpClient? _http;

    private HttpClient _client => LazyInitializer.EnsureInitialized(ref _http,
        () => new HttpClient(_handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) });

    private readonly SemaphoreSlim _signing = new(1, 1);
    private string? _token;
    private long _lastStep = -1;

    public sealed record Account(string Email, string Password, string Key);

    public HttpClient Client => _client;

    /// <summary>The session's cookies as a <c>Cookie</c> header, for a tool that sends requests of its own (wrk).</summary>
    public string CookieHeader => _handler.CookieContainer.GetCookieHeader(new Uri(url));

    /// <summary>Signs in (for staff) and takes the antiforgery token, before the load starts.</summary>
    public async Task ReadyAsync(CancellationToken ct) => await RefreshAsync(ct);

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        fields["__RequestVerificationToken"] = _token ?? await RefreshAsync(ct);
        var response = await _client.PostAsync(path, new FormUrlEncodedContent(fields), ct);
        if (SignedOut(response) || response.StatusCode == HttpStatusCode.BadRequest)
        {
            // Signed out or a token no longer valid: get a fresh one (signing in again if need be) before the caller retries.
            _token = null;
        }

        return response;
    }

    public static bool SignedOut(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true;

    private async Task<string> RefreshAsync(CancellationToken ct)
    {
        await _signing.WaitAsync(ct);
        try
        {
            if (_token is { } fresh)
            {
                return fresh;
            }

            if (account is null)
            {
                return _token = await TokenOfAsync("/tip", ct);
            }

            // The staff start page says whether the cookie still signs in; the county page has a form for anyone.
            using (var staff = await _client.GetAsync("/staff", ct))
            {
                if (SignedOut(staff))
                {
                    await SignInAsync(account, ct);
                }
            }

            return _token = await TokenOfAsync("/county", ct);
        }
        finally
        {
            _signing.Release();
        }
    }

    private async Task SignInAsync(Account a, CancellationToken ct)
    {
        using (var password = await _client.PostAsync("/account/sign-in", Form(await TokenOfAsync("/account/sign-in", ct),
                   ("Input.Email", a.Email), ("Input.Password", a.Password)), ct))
        {
            if (password.Headers.Location?.OriginalString.Contains("/code", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"Sign-in refused the password ({(int)password.StatusCode}): check --email and --password.");
            }
        }

        // A code is accepted once: after a restart mid-run, wait for the next step rather than send the same one.
        var key = a.Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 == _lastStep)
        {
            await Task.Delay(500, ct);
        }

        _lastStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        using var code = await _client.PostAsync("/account/sign-in/code", Form(await TokenOfAsync("/account/sign-in/code", ct),
            ("Code", TotpTokenProvider.CodeAt(key, DateTime.UtcNow))), ct);
        if (code.StatusCode != HttpStatusCode.Redirect || SignedOut(code))
        {
            throw new InvalidOperationException($"Sign-in refused the authenticator code ({(int)code.StatusCode}): check --key.");
        }
    }

    private async Task<string> TokenOfAsync(string path, CancellationToken ct) =>
        Token().Match(await _client.GetStringAsync(path, ct)).Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
