using System.Net;
using System.Text.RegularExpressions;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.TaskForce;

/// <summary>Beacon with a registration limit high enough for a class of tests from one address.</summary>
public sealed class TaskForceFactory : BeaconFactory
{
    public TaskForceFactory() => WithSetting("Beacon:RateLimits:RegistrationsPerHour", "1000");
}

/// <summary>What the task force tests share: events in the database, registering, reading the personal link.</summary>
internal static partial class TaskForceKit
{
    public static async Task<TaskForceEvent> AddEventAsync(
        this BeaconFactory factory, string county = "monterey", int capacity = 10, TimeSpan? startsIn = null,
        bool cancelled = false, string? title = null)
    {
        var starts = DateTime.UtcNow + (startsIn ?? TimeSpan.FromDays(30));
        var name = title ?? AdminTestKit.Unique("Recognising exploitation");
        var created = new TaskForceEvent
        {
            JurisdictionId = county, Kind = TaskForceEventKind.Training, TitleEn = name, TitleEs = "ES " + name,
            DescriptionEn = "What to look for, and whom to call.", DescriptionEs = "Qué observar y a quién llamar.",
            Location = "Salinas, Room 2", StartsUtc = starts, EndsUtc = starts.AddHours(2), Capacity = capacity,
            IsCancelled = cancelled, CreatedUtc = DateTime.UtcNow,
        };
        await factory.QueryAsync(async db =>
        {
            db.TaskForceEvents.Add(created);
            return await db.SaveChangesAsync();
        });
        return created;
    }

    public static Dictionary<string, string> Form(string name, string email, string organisation = "Salinas Union High School District") => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Organisation"] = organisation, ["Input.Website"] = "",
    };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Guid eventId, string name, string email) =>
        client.PostFormAsync($"/task-force/events/{eventId}", Form(name, email));

    /// <summary>Registers, follows the redirect to the confirmation page, and returns its text and the personal link's path.</summary>
    public static async Task<(string Html, string LinkPath)> RegisterAndConfirmAsync(this HttpClient client, Guid eventId, string name, string email)
    {
        var posted = await client.RegisterAsync(eventId, name, email);
        AdminTestKit.AssertRedirect(posted, $"/task-force/events/{eventId}/registered");
        var html = await (await client.GetAsync(posted.Headers.Location)).HtmlAsync();
        var link = PersonalLink().Match(html);
        Assert.True(link.Success, "The confirmation page shows no personal link");
        return (html, new Uri(link.Groups[1].Value).AbsolutePath);
    }

    public static string Email() => $"person-{Guid.NewGuid():N}@example.org";

    public static async Task<string> GetHtmlAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.HtmlAsync();
    }

    [GeneratedRegex("id=\"personal-link\">(https?://[^<]+)<")]
    private static partial Regex PersonalLink();
}
