using System.Globalization;
using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Intake;

/// <summary>Calls logged by intake staff: stored encrypted in the queue, with clear errors and nothing saved when a field is wrong.</summary>
[Trait("Category", "Data")]
public sealed class CallTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private const string NewCall = "/intake/calls/new";

    private static string Local(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(string? taken = null, string summary = "The school nurse saw a girl of 14 picked up by an adult man twice this week.") => new()
    {
        ["Input.CallerName"] = "Dana Okafor",
        ["Input.CallerRole"] = "school nurse",
        ["Input.CallerPhone"] = "(831) 555-0147 x12",
        ["Input.Taken"] = taken ?? Local(DateTime.UtcNow.AddHours(-2)),
        ["Input.Summary"] = summary,
        ["Input.Level"] = "Possible",
    };

    private Task<int> CallsOfAsync(string county) =>
        factory.QueryAsync(db => db.IntakeItems.CountAsync(i => i.JurisdictionId == county && i.Source == IntakeSource.Call));

    [Fact]
    public async Task LogCall_Valid_JoinsTheQueueEncryptedAndAudited()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var taken = DateTime.UtcNow.AddHours(-2);

        var response = await me.PostAsync(NewCall, Form(Local(taken)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString["/intake/".Length..]);
        var item = await factory.ItemAsync(id);
        Assert.Equal((county, IntakeSource.Call, IntakeStatus.New, ConcernLevel.Possible, me.User.Id),
            (item.JurisdictionId, item.Source, item.Status, item.Level, item.LoggedByUserId));
        Assert.Equal(("Dana Okafor", "school nurse", "(831) 555-0147 x12"), (item.CallerName, item.CallerRole, item.CallerPhone));
        Assert.Equal(Local(taken), Local(item.ReceivedUtc));
        Assert.Equal(item.ReceivedUtc, item.LastActionUtc); // the triage time runs from the call
        foreach (var column in new[] { "CallerName", "CallerRole", "CallerPhone", "Summary" })
        {
            var stored = await factory.RawAsync("IntakeItems", column, id);
            Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("Okafor", stored, StringComparison.Ordinal);
        }

        Assert.Equal(["call"], await factory.TriageCodesAsync(id));
        var page = await me.PageAsync($"/intake/{id}");
        Assert.Contains("The call was logged in the intake queue.", page);
        Assert.Contains("picked up by an adult man twice", page);
        Assert.Contains("href=\"tel:(831) 555-0147 x12\"", page);
    }

    public static TheoryData<string, string, string> WrongFields => new()
    {
        { "Input.Taken", "", "When the call was taken: this field is required." },
        { "Input.Taken", "last Tuesday", "When the call was taken: enter a date and time, for example 2026-11-24 14:30." },
        { "Input.Taken", "2026-03-08T02:30", "When the call was taken: that time does not exist in California" },
        { "Input.Taken", Local(DateTime.UtcNow.AddHours(3)), "When the call was taken: the time is in the future." },
        { "Input.Summary", " ", "What the caller said: this field is required." },
        { "Input.Summary", new string('x', 4001), "What the caller said: use at most 4000 characters (you wrote 4001)." },
        { "Input.CallerPhone", "call the school", "Caller's phone: use digits, spaces and + - ( ) only, with at least 7 digits" },
        { "Input.CallerPhone", "555-01", "Caller's phone: use digits, spaces and + - ( ) only, with at least 7 digits" },
        { "Input.CallerName", new string('n', 101), "Caller's name: use at most 100 characters (you wrote 101)." },
        { "Input.Level", "Severe", "Concern level: choose one of the levels listed" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public async Task LogCall_FieldWrong_NamesItKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var form = Form();
        form[field] = value;

        var response = await me.PostAsync(NewCall, form);

        await IntakeKit.AssertFieldErrorAsync(response, field.Replace('.', '_'), message);
        var html = await response.HtmlAsync();
        Assert.Contains("school nurse", html); // what was typed stays on the form
        Assert.Equal(0, await CallsOfAsync(county));
    }

    [Fact]
    public async Task LogCall_SameFormSentTwice_LogsOneCall()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var form = Form();
        form["recordId"] = Guid.NewGuid().ToString();

        var first = await me.PostAsync(NewCall, form);
        var second = await me.PostAsync(NewCall, form);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CallsOfAsync(county));
    }

    [Fact]
    public async Task LogCall_Reporter_IsTurnedAway()
    {
        var county = await factory.CountyAsync();
        var reporter = await factory.SignedInAsync(county, "School District", Roles.Reporter);

        var response = await reporter.PostAsync(NewCall, Form());

        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await CallsOfAsync(county));
    }
}

