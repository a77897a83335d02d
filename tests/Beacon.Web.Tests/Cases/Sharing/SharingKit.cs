using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases.Sharing;

/// <summary>A case owned by one agency, its assigned caseworker signed in, and a second agency of the county.</summary>
internal sealed record SharingScene(Case Case, TestUser Owner, HttpClient OwnerClient, string County, string Suffix);

/// <summary>What the referral and meeting tests share: agencies and people, signing in, reading the database raw.</summary>
internal static partial class SharingKit
{
    public static string NewSuffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A Monterey case of a youth, owned by a fresh agency, assigned to its caseworker (signed in).</summary>
    public static async Task<SharingScene> SceneAsync(this BeaconFactory factory, string county = "monterey")
    {
        var suffix = NewSuffix();
        var (owner, client) = await factory.SignedInAgencyAsync(county, $"Child Welfare {suffix}", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync($"Ximena Quintanilla {suffix}", $"Rosalba {suffix}", county);
        var c = await factory.WriteCaseAsync(youth, owner.AgencyId, owner);
        return new SharingScene(c, owner, client, county, suffix);
    }

    public static async Task<(TestUser User, HttpClient Client)> SignedInAgencyAsync(
        this BeaconFactory factory, string county, string agency, params string[] roles)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, roles);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (user, client);
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    public static async Task ChangeAsync(this BeaconFactory factory, Func<BeaconDbContext, Task> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The audit entries about one record, oldest first.</summary>
    public static Task<List<AuditLogEntry>> AuditOfAsync(this BeaconFactory factory, string recordType, Guid recordId) =>
        factory.QueryAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == recordId.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>A California wall-clock time as a datetime-local field sends it.</summary>
    public static string Local(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Posts a form whose fields may repeat (checkboxes), with the antiforgery token of <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(
        this HttpClient client, string page, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(all));
    }

    public static Guid IdFromLocation(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var match = GuidAtEnd().Match(location);
        Assert.True(location.StartsWith(prefix, StringComparison.Ordinal) && match.Success, $"unexpected redirect {location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex("([0-9a-f-]{36})$")]
    private static partial Regex GuidAtEnd();
}
