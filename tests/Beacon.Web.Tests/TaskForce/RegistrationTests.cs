using System.Net;
using System.Security.Cryptography;
using System.Text;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.TaskForce;

[Trait("Category", "Data")]
public sealed class RegistrationTests(TaskForceFactory factory) : IClassFixture<TaskForceFactory>
{
    [Fact]
    public async Task Register_OpenEvent_ConfirmedLinkShownOnceStoredHashedAndCancellable()
    {
        var e = await factory.AddEventAsync(capacity: 3);
        var client = factory.CreateBrowserLikeClient();
        var email = TaskForceKit.Email();

        var (html, link) = await client.RegisterAndConfirmAsync(e.Id, "  Ana Ruiz ", email.ToUpperInvariant());

        Assert.Contains("Your place is confirmed", html);
        Assert.Contains("this is the only time Beacon shows it", html);
        Assert.Contains($"/task-force/events/{e.Id}/calendar.ics", html);
        Assert.StartsWith("/task-force/registrations/", link, StringComparison.Ordinal);
        var token = link["/task-force/registrations/".Length..];
        Assert.Equal(43, token.Length); // 32 random bytes, base64url
        var stored = await factory.QueryAsync(db => db.EventRegistrations.AsNoTracking().SingleAsync(r => r.EventId == e.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.CancelTokenHash);
        Assert.Equal(("Ana Ruiz", email, RegistrationStatus.Confirmed), (stored.Name, stored.Email, stored.Status));

        var again = await client.GetAsync($"/task-force/events/{e.Id}/registered");
        AdminTestKit.AssertRedirect(again, $"/task-force/events/{e.Id}"); // shown once

        var personal = await client.GetAsync(link);
        Assert.True(personal.Headers.CacheControl?.NoStore, "the personal page is not stored by browsers or proxies");
        var page = await personal.HtmlAsync();
        Assert.Contains("id=\"registration-status\">Confirmed<", page);
        Assert.Contains(e.TitleEn, page);

        var cancelled = await client.PostFormAsync(link, new Dictionary<string, string>());
        AdminTestKit.AssertRedirect(cancelled, link);
        var after = await client.GetHtmlAsync(link);
        Assert.Contains("Your registration has been cancelled.", after);
        Assert.Contains("id=\"registration-status\">Cancelled<", after);
        Assert.DoesNotContain("Yes, cancel my registration", after);
    }

    [Fact]
    public async Task Register_CapacityOne_SecondRegistrantIsWaitlisted()
    {
        var e = await factory.AddEventAsync(capacity: 1);
        var client = factory.CreateBrowserLikeClient();

        var (first, _) = await client.RegisterAndConfirmAsync(e.Id, "First Person", TaskForceKit.Email());
        var (second, secondLink) = await client.RegisterAndConfirmAsync(e.Id, "Second Person", TaskForceKit.Email());

        Assert.Contains("Your place is confirmed", first);
        Assert.Contains("You are on the waitlist", second);
        Assert.Contains("You are number 1 on the waitlist", second);
        Assert.Contains("(number 1 on the waitlist)", await client.GetHtmlAsync(secondLink));
        var eventPage = await client.GetHtmlAsync($"/task-force/events/{e.Id}");
        Assert.Contains("Full — waitlist open", eventPage);
        Assert.Contains("Join the waitlist", eventPage);
    }

    [Fact]
    public async Task Register_ManyAtOnce_AllKeptAndNeverMoreConfirmedThanCapacity()
    {
        var e = await factory.AddEventAsync(capacity: 3);
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateBrowserLikeClient()).ToList();
        var tokens = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync($"/task-force/events/{e.Id}")));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync($"/task-force/events/{e.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>(TaskForceKit.Form($"Person {i}", TaskForceKit.Email()))
            {
                ["__RequestVerificationToken"] = tokens[i],
            }))));

        // On PostgreSQL the clashing transactions fail with 40001 and are tried again; none may end in an error page.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = await factory.QueryAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == e.Id).ToListAsync());
        Assert.Equal(8, stored.Count);
        Assert.Equal(3, stored.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(5, stored.Count(r => r.Status == RegistrationStatus.Waitlisted));
    }

    [Fact]
    public async Task Cancel_ConfirmedSeat_PromotesTheEarliestWaitlistedRegistration()
    {
        var e = await factory.AddEventAsync(capacity: 1);
        var client = factory.CreateBrowserLikeClient();
        var (_, holder) = await client.RegisterAndConfirmAsync(e.Id, "Seat Holder", TaskForceKit.Email());
        var (_, next) = await client.RegisterAndConfirmAsync(e.Id, "Next In Line", TaskForceKit.Email());
        var (_, last) = await client.RegisterAndConfirmAsync(e.Id, "Last In Line", TaskForceKit.Email());

        AdminTestKit.AssertRedirect(await client.PostFormAsync(holder, new Dictionary<string, string>()), holder);

        var statuses = await factory.QueryAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == e.Id)
            .ToDictionaryAsync(r => r.Name, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses["Seat Holder"]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses["Next In Line"]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses["Last In Line"]);
        Assert.Contains("id=\"registration-status\">Confirmed<", await client.GetHtmlAsync(next));
        Assert.Contains("(number 1 on the waitlist)", await client.GetHtmlAsync(last));
    }

    [Fact]
    public async Task Cancel_WaitlistedRegistration_PromotesNobody()
    {
        var e = await factory.AddEventAsync(capacity: 1);
        var client = factory.CreateBrowserLikeClient();
        await client.RegisterAndConfirmAsync(e.Id, "Seat Holder", TaskForceKit.Email());
        var (_, waiting) = await client.RegisterAndConfirmAsync(e.Id, "Waiting", TaskForceKit.Email());

        await client.PostFormAsync(waiting, new Dictionary<string, string>());

        Assert.Equal(1, await factory.QueryAsync(db =>
            db.EventRegistrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed)));
        Assert.Contains("id=\"registration-status\">Cancelled<", await client.GetHtmlAsync(waiting));
    }

    [Fact]
    public async Task Cancel_EventAlreadyStarted_RefusedAndSaysWhy()
    {
        var e = await factory.AddEventAsync();
        var client = factory.CreateBrowserLikeClient();
        var (_, link) = await client.RegisterAndConfirmAsync(e.Id, "On Time", TaskForceKit.Email());
        await factory.QueryAsync(db => db.TaskForceEvents.Where(x => x.Id == e.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.StartsUtc, DateTime.UtcNow.AddMinutes(-5))));

        var page = await client.GetHtmlAsync(link);
        var response = await client.PostFormAsync(link, new Dictionary<string, string>());

        Assert.Contains("this registration can no longer be cancelled", page);
        Assert.DoesNotContain("Yes, cancel my registration", page);
        Assert.Contains("Your registration was not cancelled: the event has already started or taken place.", await response.HtmlAsync());
        Assert.Equal(RegistrationStatus.Confirmed, await factory.QueryAsync(db =>
            db.EventRegistrations.Where(r => r.EventId == e.Id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task RegistrationPage_UnknownToken_Returns404WithHelp()
    {
        var client = factory.CreateBrowserLikeClient();
        var missing = "/task-force/registrations/" + new string('A', 43);

        var response = await client.GetAsync(missing);
        var post = await client.PostFormAsync(missing, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Registration not found", html);
        Assert.Contains("Check that you copied the whole link", html);
        Assert.Contains("href=\"/task-force\"", html);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Register_InvalidFields_NamesEachFieldAndReasonKeepsTextStoresNothing()
    {
        var e = await factory.AddEventAsync();
        var fields = TaskForceKit.Form("", "not-an-email", new string('o', 201));

        var response = await factory.CreateBrowserLikeClient().PostFormAsync($"/task-force/events/{e.Id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Name\">Full name: this field is required.</a>", html);
        Assert.Contains("<a href=\"#Input_Email\">Email: enter an email address like name@example.org.</a>", html);
        Assert.Contains("Organisation: use at most 200 characters (you wrote 201).", html);
        Assert.Equal("not-an-email", AdminTestKit.ValueOf(html, "Input.Email"));
        Assert.Equal(new string('o', 201), AdminTestKit.ValueOf(html, "Input.Organisation"));
        Assert.Equal(0, await factory.QueryAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == e.Id)));
    }

    [Fact]
    public async Task Register_SameEmailTwice_RefusedWithClearMessageUntilCancelled()
    {
        var e = await factory.AddEventAsync();
        var client = factory.CreateBrowserLikeClient();
        var email = TaskForceKit.Email();
        var (_, link) = await client.RegisterAndConfirmAsync(e.Id, "Ana Ruiz", email);

        var duplicate = await client.RegisterAsync(e.Id, "Ana R.", " " + email.ToUpperInvariant() + " ");

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Email: this address is already registered for this event.", await duplicate.HtmlAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == e.Id)));

        await client.PostFormAsync(link, new Dictionary<string, string>());
        AdminTestKit.AssertRedirect(await client.RegisterAsync(e.Id, "Ana Ruiz", email), $"/task-force/events/{e.Id}/registered");
    }

    [Theory]
    [InlineData(false, "You were not registered: this event has already started or taken place.")]
    [InlineData(true, "You were not registered: this event has been cancelled.")]
    public async Task Register_PastOrCancelledEvent_RefusedWithClearMessage(bool cancelled, string message)
    {
        var e = await factory.AddEventAsync(startsIn: cancelled ? TimeSpan.FromDays(5) : TimeSpan.FromHours(-1), cancelled: cancelled);
        var client = factory.CreateBrowserLikeClient();

        var page = await client.GetHtmlAsync($"/task-force/events/{e.Id}");
        var response = await client.RegisterAsync(e.Id, "Late Person", TaskForceKit.Email());

        Assert.Contains("id=\"registration-closed\"", page);
        Assert.DoesNotContain("name=\"Input.Email\"", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync());
        Assert.Equal(0, await factory.QueryAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == e.Id)));
    }

    [Fact]
    public async Task Register_HoneypotFilled_NothingStored()
    {
        var e = await factory.AddEventAsync();
        var fields = TaskForceKit.Form("Bot", TaskForceKit.Email());
        fields["Input.Website"] = "http://spam.example";

        var response = await factory.CreateBrowserLikeClient().PostFormAsync($"/task-force/events/{e.Id}", fields);

        AdminTestKit.AssertRedirect(response, $"/task-force/events/{e.Id}");
        Assert.Equal(0, await factory.QueryAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == e.Id)));
    }

    [Fact]
    public async Task EventPage_Spanish_FormAndValidationInSpanish()
    {
        var e = await factory.AddEventAsync();

        var response = await factory.CreateBrowserLikeClient()
            .PostFormAsync($"/task-force/events/{e.Id}?lang=es", TaskForceKit.Form("", TaskForceKit.Email()));

        var html = await response.HtmlAsync();
        Assert.Contains("ES " + e.TitleEn, html);
        Assert.Contains("Inscribirse", html);
        Assert.Contains("Nombre completo: este campo es obligatorio.", html);
        Assert.Contains("Añadir a su calendario (archivo .ics)", html);
    }
}
