using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>A signed-in staff member with a client that keeps their session.</summary>
internal sealed record Staff(TestUser User, HttpClient Client);

/// <summary>What the case-work tests share: agencies and people, a case, posting its forms, reading what was stored.</summary>
internal static partial class CaseWorkKit
{
    public const string County = "monterey";

    /// <summary>A page with a POST form for any signed-in user, so that any of them can get an antiforgery token.</summary>
    private const string TokenPage = "/county";

    public static string NewAgency() => "Agency " + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Staff> SignInAsync(this BeaconFactory factory, string agency, params string[] roles)
    {
        var user = await factory.CreateInAgencyAsync(County, agency, roles);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return new Staff(user, client);
    }

    /// <summary>A case of a new agency, assigned to a signed-in caseworker of it.</summary>
    public static async Task<(Staff Worker, Case Case)> AssignedCaseAsync(this BeaconFactory factory, CaseStatus status = CaseStatus.Open)
    {
        var worker = await factory.SignInAsync(NewAgency(), Roles.Caseworker);
        var youth = await factory.WriteYouthAsync("Ximena Work " + Guid.NewGuid().ToString("N")[..6], "Rosalba Etxeberría", County);
        var c = await factory.WriteCaseAsync(youth, worker.User.AgencyId, worker.User, status);
        return (worker, c);
    }

    public static Task<HttpResponseMessage> PostAsync(this Staff staff, string action, Dictionary<string, string> fields) =>
        staff.Client.PostFormAsync(TokenPage, fields, action);

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(this Staff staff, string path)
    {
        var response = await staff.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>The value of the page's hidden stamp field.</summary>
    public static string StampOf(string html)
    {
        var match = StampPattern().Match(html);
        Assert.True(match.Success, "no stamp field on the page");
        return match.Groups[1].Value;
    }

    /// <summary>A change accepted: a redirect back to the case's section.</summary>
    public static void AssertBackToCase(HttpResponseMessage response, Guid caseId, string section)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{caseId}#{section}", response.Headers.Location!.OriginalString);
    }

    /// <summary>A change refused for a field: the form again (200), with the error linked to the field in the summary.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.True(html.Contains($"<a href=\"#{field}\">{message}</a>", StringComparison.Ordinal), $"No error for {field} in the summary:\n{html}");
    }

    public static async Task AssertChangedElsewhereAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this since you opened the page.", await response.HtmlAsync());
    }

    /// <summary>The audit entries about the case written by the user with the given action and detail.</summary>
    public static Task<int> AuditedAsync(this BeaconFactory factory, Guid caseId, TestUser user, AuditAction action, string detail) =>
        factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.RecordType == "Case" && e.RecordId == caseId.ToString() && e.UserId == user.Id && e.Action == action && e.Detail == detail));

    [GeneratedRegex("name=\"stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();
}
