using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.YouthRecords;

/// <summary>What the youth-record tests share: staff of named agencies signed in, the youth form, reading what was stored.</summary>
internal static partial class YouthTestKit
{
    public const string NewPage = "/youth/new";
    public const string FindPage = "/youth/find";

    public static async Task<(TestUser User, HttpClient Client)> SignedInAtAsync(
        this BeaconFactory factory, string county, string agency, params string[] roles)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, roles);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (user, client);
    }

    /// <summary>A name nobody else's test uses, so matches and duplicates are this test's own.</summary>
    public static string UniqueName(string first = "Ximena") => $"{first} Zuñiga-Quintanilla {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The new-record form's fields, filled with a valid record unless a test changes them.</summary>
    public static Dictionary<string, string> Form(string legalName, string? dateOfBirth = "2011-02-27") => new()
    {
        ["Input.LegalName"] = legalName,
        ["Input.PreferredName"] = "Xime",
        ["Input.DateOfBirth"] = dateOfBirth ?? "",
        ["Input.Pronouns"] = "she/her",
        ["Input.Language"] = "es",
        ["Input.LanguageName"] = "",
        ["Input.School"] = "Escuela Secundaria Quetzalcóatl",
        ["Input.Placement"] = "Casa de la tía, Auburn",
        ["Input.Phone"] = "530-555-0142",
        ["Input.Guardians[0].Name"] = "Rosalba Etxeberría",
        ["Input.Guardians[0].Relationship"] = "tía",
        ["Input.Guardians[0].Phone"] = "530-555-0199",
        ["Input.Guardians[1].Name"] = "",
        ["Input.Guardians[1].Relationship"] = "",
        ["Input.Guardians[1].Phone"] = "",
    };

    /// <summary>Posts the new-record form and returns the new record's id (from the redirect).</summary>
    public static async Task<Guid> CreateYouthAsync(this HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostFormAsync(NewPage, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdIn(response, YouthPath());
    }

    /// <summary>Posts "open a case" on a youth record (from a page that has a form, for the token) and returns the case's id.</summary>
    public static Task<HttpResponseMessage> OpenCaseAsync(this HttpClient client, Guid youthId, string? legalName = null, string? dateOfBirth = null)
    {
        var fields = new Dictionary<string, string>();
        if (legalName is not null)
        {
            fields["legalName"] = legalName;
        }

        if (dateOfBirth is not null)
        {
            fields["dateOfBirth"] = dateOfBirth;
        }

        return client.PostFormAsync(FindPage, fields, $"/youth/{youthId}?handler=OpenCase");
    }

    public static Guid CaseIdIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdIn(response, CasePath());
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static Guid StampIn(string html)
    {
        var match = StampPattern().Match(html);
        Assert.True(match.Success, "no stamp field on the page");
        return Guid.Parse(match.Groups[1].Value);
    }

    public static Task<Youth> YouthAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.Youth.AsNoTracking().Include(y => y.Guardians).SingleAsync(y => y.Id == id));

    private static Guid IdIn(HttpResponseMessage response, Regex pattern)
    {
        var location = response.Headers.Location!.OriginalString;
        var match = pattern.Match(location);
        Assert.True(match.Success, $"unexpected redirect {location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex("^/youth/([0-9a-f-]{36})$")]
    private static partial Regex YouthPath();

    [GeneratedRegex("^/cases/([0-9a-f-]{36})$")]
    private static partial Regex CasePath();

    [GeneratedRegex("name=\"Stamp\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampPattern();
}
