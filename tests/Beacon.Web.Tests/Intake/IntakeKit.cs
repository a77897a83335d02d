using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Intake;

/// <summary>A signed-in staff member with a client that keeps their session.</summary>
internal sealed record Person(TestUser User, HttpClient Client);

/// <summary>What the intake tests share: counties with a triage setting of their own, staff, items, forms, the trail.</summary>
internal static partial class IntakeKit
{
    /// <summary>A page with a POST form for any signed-in user, so that any of them can get an antiforgery token.</summary>
    private const string TokenPage = "/county";

    /// <summary>A county of the test's own, so its setting and its queue are the test's alone.</summary>
    public static async Task<string> CountyAsync(
        this BeaconFactory factory, int? triageHours = null, TriageRoles roles = TriageRoles.Caseworker | TriageRoles.Supervisor)
    {
        var id = "in-" + Guid.NewGuid().ToString("N")[..10];
        await factory.AddAsync(new Jurisdiction
        {
            Id = id, NameEn = "Intake Test County", NameEs = "Condado de Prueba", State = "CA", TriageHours = triageHours, TriageRoles = roles,
        });
        return id;
    }

    public static async Task<Person> SignedInAsync(this BeaconFactory factory, string county, string agency, params string[] roles)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, roles);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return new Person(user, client);
    }

    /// <summary>A tip and its item, as the public form stores them, received at <paramref name="receivedUtc"/> (now by default).</summary>
    public static async Task<IntakeItem> TipItemAsync(this BeaconFactory factory, string county, DateTime? receivedUtc = null, string what = "A teenager with hotel key cards")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var tip = new Tip { JurisdictionId = county, Language = "en", ReceivedUtc = receivedUtc ?? DateTime.UtcNow, WhatProtected = sensitive.Protect(what) };
        var item = IntakeItem.ForTip(tip);
        db.Tips.Add(tip);
        db.IntakeItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>A logged call's item, written straight to the database.</summary>
    public static async Task<IntakeItem> CallItemAsync(this BeaconFactory factory, string county, DateTime? takenUtc = null,
        IntakeStatus status = IntakeStatus.New, ConcernLevel? level = null)
    {
        var taken = takenUtc ?? DateTime.UtcNow;
        var item = new IntakeItem
        {
            JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = taken, LastActionUtc = taken, Status = status, Level = level,
            CallerName = "Synthetic Caller", Summary = "A synthetic call about a youth seen with an older man.",
            CloseReason = status == IntakeStatus.Closed ? IntakeCloseReason.NotEnoughInformation : null,
            ClosedUtc = status == IntakeStatus.Closed ? taken : null,
        };
        await factory.AddAsync(item);
        return item;
    }

    public static Task<IntakeItem> ItemAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.IntakeItems.AsNoTracking().SingleAsync(i => i.Id == id));

    /// <summary>The item's audit entries, oldest first.</summary>
    public static Task<List<AuditLogEntry>> ItemTrailAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.RecordType == AuditRecordTypes.IntakeItem && e.RecordId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The item's triage actions as the trail holds them (action and detail), oldest first.</summary>
    public static async Task<List<string>> TriageCodesAsync(this BeaconFactory factory, Guid id) =>
        (await factory.ItemTrailAsync(id)).Where(e => e.Action is AuditAction.Create or AuditAction.Change).Select(e => e.Detail ?? "").ToList();

    public static async Task<string> PageAsync(this Person person, string path)
    {
        var response = await person.Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.HtmlAsync();
    }

    public static Task<HttpResponseMessage> PostAsync(this Person person, string action, Dictionary<string, string> fields) =>
        person.Client.PostFormAsync(TokenPage, fields, action);

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The item's current stamp, as a triage form shown now would carry it.</summary>
    public static async Task<string> StampAsync(this BeaconFactory factory, Guid id) => (await factory.ItemAsync(id)).Stamp.ToString();

    public static string StampOf(string html)
    {
        var match = StampPattern().Match(html);
        Assert.True(match.Success, "no stamp field on the page");
        return match.Groups[1].Value;
    }

    /// <summary>A triage action accepted: back to the item.</summary>
    public static void AssertBackToItem(HttpResponseMessage response, Guid id)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/intake/{id}", response.Headers.Location!.OriginalString);
    }

    /// <summary>A form refused for a field: the page again (200), with the error linked to the field in the summary.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.True(html.Contains($"<a href=\"#{field}\">{message}", StringComparison.Ordinal), $"No error for {field} in the summary:\n{html}");
    }

    [GeneratedRegex("name=\"stamp\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampPattern();
}
