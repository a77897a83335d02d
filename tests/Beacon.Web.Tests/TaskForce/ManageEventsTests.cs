using System.Globalization;
using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.TaskForce;

[Trait("Category", "Data")]
public sealed class ManageEventsTests(TaskForceFactory factory) : IClassFixture<TaskForceFactory>
{
    private static string Local(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> EventForm(string title, DateTime startsUtc, string capacity = "2") => new()
    {
        ["Input.Kind"] = "Training", ["Input.TitleEn"] = title, ["Input.TitleEs"] = "Capacitación " + title,
        ["Input.DescriptionEn"] = "Signs of exploitation.\nWhom to call.", ["Input.DescriptionEs"] = "Señales de explotación.",
        ["Input.Location"] = "Monterey County Office of Education", ["Input.Starts"] = Local(startsUtc),
        ["Input.Ends"] = Local(startsUtc.AddHours(3)), ["Input.Capacity"] = capacity,
    };

    private async Task<HttpClient> SignedInAsync(string county, params string[] roles)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateInAsync(county, roles));
        return client;
    }

    [Fact]
    public async Task Create_ValidForm_StoredInTheTrainersCountyAsUtcAndListedPublicly()
    {
        var trainer = await SignedInAsync("monterey", Roles.Trainer);
        var title = AdminTestKit.Unique("Mandated reporters");
        var starts = new DateTime(DateTime.UtcNow.Year + 1, 1, 15, 18, 0, 0, DateTimeKind.Utc); // 10:00 PST

        var response = await trainer.PostFormAsync("/task-force/manage/new", EventForm(title, starts));

        AdminTestKit.AssertRedirect(response, "/task-force/manage");
        var stored = await factory.QueryAsync(db => db.TaskForceEvents.AsNoTracking().SingleAsync(e => e.TitleEn == title));
        Assert.Equal(("monterey", starts, starts.AddHours(3), 2, TaskForceEventKind.Training),
            (stored.JurisdictionId, stored.StartsUtc, stored.EndsUtc, stored.Capacity, stored.Kind));
        Assert.Contains($"{title} added.", await trainer.GetHtmlAsync("/task-force/manage"));
        var publicPage = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/monterey");
        Assert.Contains(title, publicPage);
        // Newer ICU data put a narrow no-break space before AM/PM; older data a plain one.
        Assert.Contains("10:00 AM – 1:00 PM Pacific Time (PST)", publicPage.Replace('\u202F', ' '));
    }

    [Fact]
    public async Task Create_InvalidForm_NamesEachFieldKeepsTextAndStoresNothing()
    {
        var trainer = await SignedInAsync("monterey", Roles.Trainer);
        var title = AdminTestKit.Unique("Broken form");
        var fields = EventForm(title, DateTime.UtcNow.AddDays(-1), capacity: "0");
        fields["Input.TitleEs"] = "";
        fields["Input.Kind"] = "Party";
        fields["Input.Ends"] = "tomorrow";

        var response = await trainer.PostFormAsync("/task-force/manage/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Kind\">Type: choose one from the list.</a>", html);
        Assert.Contains("<a href=\"#Input_TitleEs\">Title in Spanish: this field is required.</a>", html);
        Assert.Contains("Starts: choose a time in the future.", html);
        Assert.Contains("Ends: enter a date and time like 2026-12-09 10:00.", html);
        Assert.Contains("Capacity: enter a whole number from 1 to 10000.", html);
        Assert.Equal(title, AdminTestKit.ValueOf(html, "Input.TitleEn"));
        Assert.Equal("tomorrow", AdminTestKit.ValueOf(html, "Input.Ends"));
        Assert.False(await factory.QueryAsync(db => db.TaskForceEvents.AnyAsync(e => e.TitleEn == title)));
    }

    [Fact]
    public async Task Create_EndBeforeStart_SaysEndsMustBeAfterTheStart()
    {
        var trainer = await SignedInAsync("monterey", Roles.Trainer);
        var fields = EventForm(AdminTestKit.Unique("Backwards"), DateTime.UtcNow.AddDays(9));
        fields["Input.Ends"] = Local(DateTime.UtcNow.AddDays(8));

        var html = await (await trainer.PostFormAsync("/task-force/manage/new", fields)).HtmlAsync();

        Assert.Contains("<a href=\"#Input_Ends\">Ends: must be after the start.</a>", html);
    }

    [Fact]
    public async Task Edit_CapacityBelowConfirmed_RefusedAndSaysWhy()
    {
        var e = await factory.AddEventAsync(capacity: 2);
        var visitor = factory.CreateBrowserLikeClient();
        await visitor.RegisterAndConfirmAsync(e.Id, "One", TaskForceKit.Email());
        await visitor.RegisterAndConfirmAsync(e.Id, "Two", TaskForceKit.Email());
        var trainer = await SignedInAsync("monterey", Roles.Trainer);

        var response = await trainer.PostFormAsync($"/task-force/manage/{e.Id}", EventForm(e.TitleEn, e.StartsUtc, capacity: "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Capacity: cannot be lower than 2, the number of confirmed places already taken.", await response.HtmlAsync());
        Assert.Equal(2, await factory.QueryAsync(db => db.TaskForceEvents.Where(x => x.Id == e.Id).Select(x => x.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Edit_RaiseCapacity_SavesAndMovesTheWaitlistUp()
    {
        var e = await factory.AddEventAsync(capacity: 1);
        var visitor = factory.CreateBrowserLikeClient();
        await visitor.RegisterAndConfirmAsync(e.Id, "Holder", TaskForceKit.Email());
        await visitor.RegisterAndConfirmAsync(e.Id, "Waiting", TaskForceKit.Email());
        var trainer = await SignedInAsync("monterey", Roles.Trainer);
        var renamed = e.TitleEn + " (renamed)";

        var response = await trainer.PostFormAsync($"/task-force/manage/{e.Id}", EventForm(renamed, e.StartsUtc, capacity: "2"));

        AdminTestKit.AssertRedirect(response, "/task-force/manage");
        var stored = await factory.QueryAsync(db => db.TaskForceEvents.AsNoTracking().Include(x => x.Registrations).SingleAsync(x => x.Id == e.Id));
        Assert.Equal((renamed, 2), (stored.TitleEn, stored.Capacity));
        Assert.Equal(e.StartsUtc, stored.StartsUtc, TimeSpan.FromSeconds(1)); // an unchanged start is kept as stored
        Assert.All(stored.Registrations, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task Cancel_AfterConfirmation_ClosesRegistrationAndRegistrantsSeeIt()
    {
        var e = await factory.AddEventAsync();
        var visitor = factory.CreateBrowserLikeClient();
        var (_, link) = await visitor.RegisterAndConfirmAsync(e.Id, "Registrant", TaskForceKit.Email());
        var trainer = await SignedInAsync("monterey", Roles.Trainer);

        var confirm = await trainer.GetHtmlAsync($"/task-force/manage/{e.Id}/cancel");
        var response = await trainer.PostFormAsync($"/task-force/manage/{e.Id}/cancel", new Dictionary<string, string>());

        Assert.Contains("Registered or on the waitlist: 1.", confirm);
        Assert.Contains("Yes, cancel this event", confirm);
        AdminTestKit.AssertRedirect(response, "/task-force/manage");
        Assert.True(await factory.QueryAsync(db => db.TaskForceEvents.Where(x => x.Id == e.Id).Select(x => x.IsCancelled).SingleAsync()));
        Assert.Contains("This event has been cancelled.", await visitor.GetHtmlAsync(link));
        Assert.DoesNotContain(e.TitleEn, await visitor.GetHtmlAsync("/task-force/monterey"));
        Assert.Contains("This event has been cancelled, so it can no longer be changed.", await trainer.GetHtmlAsync($"/task-force/manage/{e.Id}"));
    }

    [Fact]
    public async Task Roster_Trainer_SeesConfirmedWaitlistInOrderAndCancelled()
    {
        var e = await factory.AddEventAsync(capacity: 1);
        var visitor = factory.CreateBrowserLikeClient();
        var seatEmail = TaskForceKit.Email();
        await visitor.RegisterAndConfirmAsync(e.Id, "Seat Holder", seatEmail);
        await visitor.RegisterAndConfirmAsync(e.Id, "First Waiting", TaskForceKit.Email());
        await visitor.RegisterAndConfirmAsync(e.Id, "Second Waiting", TaskForceKit.Email());
        var (_, gone) = await visitor.RegisterAndConfirmAsync(e.Id, "Changed Mind", TaskForceKit.Email());
        await visitor.PostFormAsync(gone, new Dictionary<string, string>());
        var trainer = await SignedInAsync("monterey", Roles.Trainer);

        var response = await trainer.GetAsync($"/task-force/manage/{e.Id}/roster");

        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.HtmlAsync();
        Assert.Contains("Confirmed (1 of 1)", html);
        Assert.Contains("Waitlist (2)", html);
        Assert.Contains("Cancelled (1)", html);
        Assert.Contains(seatEmail, html);
        Assert.Contains("Salinas Union High School District", html);
        var confirmedAt = html.IndexOf("Seat Holder", StringComparison.Ordinal);
        var firstAt = html.IndexOf("First Waiting", StringComparison.Ordinal);
        var secondAt = html.IndexOf("Second Waiting", StringComparison.Ordinal);
        var cancelledAt = html.IndexOf("Changed Mind", StringComparison.Ordinal);
        Assert.True(confirmedAt < firstAt && firstAt < secondAt && secondAt < cancelledAt, "confirmed, then the waitlist in order, then cancelled");
    }

    [Fact]
    public async Task ManagePages_Caseworker_AccessDenied()
    {
        var caseworker = await SignedInAsync("monterey", Roles.Caseworker);
        var e = await factory.AddEventAsync();

        foreach (var path in new[] { "/task-force/manage", "/task-force/manage/new", $"/task-force/manage/{e.Id}/roster" })
        {
            AdminTestKit.AssertRedirect(await caseworker.GetAsync(path), "/account/access-denied");
        }

        Assert.DoesNotContain("/task-force/manage", await caseworker.GetHtmlAsync("/staff"));
    }

    [Fact]
    public async Task ManagePages_TrainerOfAnotherCounty_EventIsNotFound()
    {
        var e = await factory.AddEventAsync(county: "monterey");
        var placer = await SignedInAsync("placer", Roles.Trainer);

        Assert.Equal(HttpStatusCode.NotFound, (await placer.GetAsync($"/task-force/manage/{e.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await placer.GetAsync($"/task-force/manage/{e.Id}/roster")).StatusCode);
        var cancel = await placer.PostFormAsync("/task-force/manage", new Dictionary<string, string>(), $"/task-force/manage/{e.Id}/cancel");
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.DoesNotContain(e.TitleEn, await placer.GetHtmlAsync("/task-force/manage"));
        Assert.False(await factory.QueryAsync(db => db.TaskForceEvents.Where(x => x.Id == e.Id).Select(x => x.IsCancelled).SingleAsync()));
    }

    [Fact]
    public async Task StaffHome_TrainerAndAdministrator_LinkToEvents()
    {
        var trainer = await SignedInAsync("placer", Roles.Trainer);
        var admin = await SignedInAsync("placer", Roles.Administrator);

        Assert.Contains("href=\"/task-force/manage\">Events and trainings<", await trainer.GetHtmlAsync("/staff"));
        Assert.Contains("href=\"/task-force/manage\">Events and trainings<", await admin.GetHtmlAsync("/staff"));
        Assert.Contains("Events and trainings: Placer County", await admin.GetHtmlAsync("/task-force/manage"));
    }
}
