using System.Net;
using Beacon.Core.TaskForce;
using Beacon.Web.Tests.Admin;

namespace Beacon.Web.Tests.TaskForce;

[Trait("Category", "Data")]
public sealed class CalendarTests(TaskForceFactory factory) : IClassFixture<TaskForceFactory>
{
    [Fact]
    public async Task CalendarFile_Event_IsAnRfc5545DownloadWithUtcTimesAndEscapedText()
    {
        var e = await factory.AddEventAsync(title: AdminTestKit.Unique("Trafficking; signs, and help"));

        var response = await factory.CreateBrowserLikeClient().GetAsync($"/task-force/events/{e.Id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{e.Id}@beacon-task-force\r\n", unfolded);
        Assert.Contains($"\r\nDTSTART:{CalendarFile.Utc(e.StartsUtc)}\r\n", unfolded);
        Assert.Matches(@"\r\nDTEND:\d{8}T\d{6}Z\r\n", unfolded);
        Assert.Matches(@"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", unfolded);
        Assert.Contains($"\r\nSUMMARY:{e.TitleEn.Replace(";", "\\;").Replace(",", "\\,")}\r\n", unfolded);
        Assert.Contains("\r\nLOCATION:Salinas\\, Room 2\r\n", unfolded);
        Assert.Contains($"\r\nURL:http://localhost/task-force/events/{e.Id}\r\n", unfolded);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\n", unfolded);
    }

    [Fact]
    public async Task CalendarFile_SpanishAndCancelled_SpanishTextAndStatusCancelled()
    {
        var e = await factory.AddEventAsync(cancelled: true);

        var ics = await factory.CreateBrowserLikeClient().GetStringAsync($"/task-force/events/{e.Id}/calendar.ics?lang=es");

        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"\r\nSUMMARY:ES {e.TitleEn}\r\n", unfolded);
        Assert.Contains("\r\nDESCRIPTION:Qué observar y a quién llamar.\r\n", unfolded);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", unfolded);
    }

    [Fact]
    public async Task CalendarFile_UnknownEvent_Returns404() =>
        Assert.Equal(HttpStatusCode.NotFound,
            (await factory.CreateBrowserLikeClient().GetAsync($"/task-force/events/{Guid.NewGuid()}/calendar.ics")).StatusCode);
}
