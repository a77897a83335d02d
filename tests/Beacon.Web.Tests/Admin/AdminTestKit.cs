using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Admin;

/// <summary>What the admin tests share: a signed-in administrator, repeated form fields, reading the database.</summary>
internal static partial class AdminTestKit
{
    public static async Task<(TestUser Admin, HttpClient Client)> SignedInAdministratorAsync(this BeaconFactory factory)
    {
        var admin = await factory.CreateAsync(Roles.Administrator);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(admin);
        Assert.Equal("/staff", signIn.Headers.Location?.OriginalString);
        return (admin, client);
    }

    /// <summary>Like <see cref="HtmlForms.PostFormAsync"/>, but a field may repeat (checkbox groups).</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(
        this HttpClient client, string path, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var token = await client.AntiforgeryTokenAsync(path);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(all));
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The text inside the element with this id (no nested elements).</summary>
    public static string? TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    /// <summary>The value attribute of the input with this name.</summary>
    public static string? ValueOf(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static void AssertRedirect(HttpResponseMessage response, string expectedStart)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        // Authentication redirects are absolute (http://localhost/...), page redirects relative.
        Assert.StartsWith(expectedStart, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }
}
