using System.Net;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

public sealed class AntiforgeryTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    /// <summary>Every public page with a POST handler refuses a post that carries no antiforgery token.</summary>
    [Fact]
    public async Task PublicPagePost_WithoutToken_IsRefused()
    {
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null &&
                        e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/').Replace("{token}", "sample", StringComparison.Ordinal)
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal))
            // The error page answers re-executed POSTs (a failed form post shows it) and changes nothing.
            .Where(path => path != "/error")
            .ToList();
        Assert.Contains("/account/sign-in", pages);
        var client = factory.CreateBrowserLikeClient();
        var accepted = new List<string>();
        foreach (var path in pages)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "es" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted a POST without antiforgery token: " + string.Join(", ", accepted));
    }

    /// <summary>
    /// Every POST form on the public pages carries its own token. (A form with a literal action
    /// attribute gets none from the tag helper; a test that borrows another form's token misses it.)
    /// </summary>
    [Fact]
    public async Task PublicPages_EveryPostForm_CarriesAToken()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Beacon.Core.Accounts.Roles.Administrator, Beacon.Core.Accounts.Roles.Supervisor, Beacon.Core.Accounts.Roles.Trainer));
        var missing = new List<string>();
        var paths = new[] { "/", "/county", "/tip", "/check", "/report", "/learn", "/language", "/staff", "/intake", "/task-force/manage/new",
            "/admin/content/preview", "/admin/users/new", "/admin/agencies/new", "/admin/jurisdictions/new" };
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>",
                System.Text.RegularExpressions.RegexOptions.Singleline);
            missing.AddRange(forms.Where(f => !f.Groups[1].Value.Contains("__RequestVerificationToken", StringComparison.Ordinal))
                .Select(f => $"{path}: {f.Value[..Math.Min(80, f.Value.Length)]}"));
        }

        Assert.True(missing.Count == 0, "Forms without a token:\n" + string.Join("\n", missing));
    }
}
