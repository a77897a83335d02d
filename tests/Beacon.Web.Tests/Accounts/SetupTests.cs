using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Accounts;

/// <summary>The first administrator's one-time link: each class gets a fresh database with no administrator.</summary>
[Trait("Category", "Data")]
public sealed partial class SetupTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("short", "at least 12")]
    [InlineData("passwordpassword", "commonly used")]
    public async Task Setup_WeakPassword_NamesThePasswordField(string password, string expected)
    {
        var token = await IssueAsync();
        var client = factory.CreateBrowserLikeClient();
        var page = await (await client.GetAsync($"/setup/{token}")).Content.ReadAsStringAsync();

        var response = await PostSetupAsync(client, token, page, "weak@beacon.test", password,
            TotpTokenProvider.CodeAt(KeyFrom(page), DateTime.UtcNow));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html);
        Assert.Contains("href=\"#Input_Password\"", html);
        Assert.Contains("value=\"weak@beacon.test\"", html); // what was typed is kept
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserLikeClient().GetAsync($"/setup/{token}")).StatusCode);
    }

    [Fact]
    public async Task Setup_ExpiredOrUnknownToken_IsNotFound()
    {
        var token = await IssueAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var hash = SetupTokens.Hash(token);
            await db.SetupTokens.Where(t => t.TokenHash == hash)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/setup/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup/not-a-real-token")).StatusCode);
    }

    private Task<string> IssueAsync() => IssueAsync(factory);

    internal static async Task<string> IssueAsync(BeaconFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueFirstAdministratorAsync()
               ?? throw new InvalidOperationException("An administrator already exists in this test database.");
    }

    internal static async Task<bool> AdministratorExistsAsync(BeaconFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupTokens>().AdministratorExistsAsync();
    }

    internal static Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string token, string page, string email, string password, string code) =>
        client.PostAsync($"/setup/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlForms.TokenFrom(page)!,
            ["Input.ProtectedKey"] = System.Net.WebUtility.HtmlDecode(ProtectedKeyPattern().Match(page).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "First Administrator",
            ["Input.JurisdictionId"] = "monterey",
            ["Input.AgencyName"] = "Monterey County Department of Social Services",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.Code"] = code,
        }));

    internal static string KeyFrom(string page) =>
        KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    [GeneratedRegex("id=\"authenticator-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"Input.ProtectedKey\" value=\"([^\"]+)\"")]
    private static partial Regex ProtectedKeyPattern();
}

/// <summary>Creates the administrator, so it has a database of its own.</summary>
[Trait("Category", "Data")]
public sealed class FirstAdministratorSetupTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Setup_WrongCodeThenRightCode_SavesNothingThenCreatesEnrolledAdministrator()
    {
        var token = await SetupTests.IssueAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        var page = await (await client.GetAsync($"/setup/{token}")).Content.ReadAsStringAsync();
        var key = SetupTests.KeyFrom(page);

        var wrong = await SetupTests.PostSetupAsync(client, token, page, "admin@beacon.test", "a long pass phrase for beacon", "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("does not match", await wrong.Content.ReadAsStringAsync());
        Assert.False(await SetupTests.AdministratorExistsAsync(factory));

        var right = await SetupTests.PostSetupAsync(client, token, page, "admin@beacon.test", "a long pass phrase for beacon",
            TotpTokenProvider.CodeAt(key, DateTime.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/staff", right.Headers.Location?.OriginalString);
        Assert.True(await SetupTests.AdministratorExistsAsync(factory));
        Assert.Contains("First Administrator", await (await client.GetAsync("/staff")).Content.ReadAsStringAsync());

        // Used once: the same link now leads nowhere, and no second administrator can be made with it.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserLikeClient().GetAsync($"/setup/{token}")).StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueFirstAdministratorAsync());
    }
}
