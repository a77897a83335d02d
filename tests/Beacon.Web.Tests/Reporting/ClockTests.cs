using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>
/// The written-report clock as the pages show it, with the host's time moved: hours left, overdue in
/// words (not colour alone), to the reporter and their supervisor; stopped when the written report is
/// recorded as sent, on time or late, and frozen from then on.
/// </summary>
[Trait("Category", "Data")]
public sealed class ClockTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task Report_TimeMovesOn_ShowsHoursLeftThenOverdueToTheReporterAndTheirSupervisor()
    {
        var agency = NewAgency();
        factory.Clock.Offset = TimeSpan.Zero;
        var (me, client) = await factory.StaffAsync(agency, Roles.Reporter);
        var id = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: DateTime.UtcNow));
        try
        {
            factory.Clock.Offset = TimeSpan.FromHours(20);
            var reporter = await factory.ClientOfAsync(me, DateTime.UtcNow.AddSeconds(30));
            var running = await reporter.PageAsync($"/reports/{id}");
            Assert.Contains("class=\"clock clock-running\"", running);
            Assert.Contains($"<strong class=\"clock-tag\">{Text("Clock.Running")}</strong> <span class=\"clock-detail\">15 hours left</span>", running);

            factory.Clock.Offset = TimeSpan.FromHours(37);
            var (_, supervisor) = await factory.StaffAsync(agency, Roles.Supervisor);
            var list = await supervisor.PageAsync("/reports");
            var page = await supervisor.PageAsync($"/reports/{id}");

            Assert.Contains(Text("Reports.AgencyOpen"), list);
            Assert.Contains($"href=\"/reports/{id}\"", list);
            Assert.Contains("<span class=\"clock-cell clock-overdue\"><strong class=\"clock-tag\">Overdue</strong> <span>Overdue by 1 hour: send the written report now.</span></span>", list);
            Assert.Contains("class=\"clock clock-overdue\"", page);
            Assert.Contains("<strong class=\"clock-tag\">Overdue</strong>", page);
            Assert.Contains("(California time)", page);
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Sent_OnTimeOrLate_StopsTheClockWhichNoLongerMoves()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var phoned = Minute(DateTime.UtcNow.AddHours(-40));
        var onTime = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: phoned));
        var late = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: phoned));
        await client.CompleteWrittenAsync(onTime);
        await client.CompleteWrittenAsync(late);
        Assert.Contains("Overdue", await client.PageAsync($"/reports/{late}"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSentAsync(onTime, phoned.AddHours(2), "Electronic", "Placer CWS portal")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSentAsync(late, DateTime.UtcNow)).StatusCode);

        var sent = await factory.ReportAsync(onTime);
        Assert.Equal(phoned.AddHours(2), DateTime.SpecifyKind(sent.SentUtc!.Value, DateTimeKind.Utc));
        Assert.Equal((ReportSentMethod.Electronic, "Placer CWS portal", me.Id), (sent.SentMethod!.Value, sent.SentTo, sent.SentRecordedByUserId!.Value));
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, onTime), e => e is { Action: AuditAction.Change, Detail: "sent; on-time" });
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, late), e => e is { Action: AuditAction.Change, Detail: "sent; late" });
        try
        {
            factory.Clock.Offset = TimeSpan.FromHours(100);
            var later = await factory.ClientOfAsync(me, DateTime.UtcNow.AddSeconds(30));
            var onTimePage = await later.PageAsync($"/reports/{onTime}");
            var latePage = await later.PageAsync($"/reports/{late}");

            Assert.Contains($"<strong class=\"clock-tag\">{Text("Clock.SentOnTime")}</strong>", onTimePage);
            Assert.Contains(Text("Clock.SentOnTimeDetail"), onTimePage);
            Assert.Contains($"<strong class=\"clock-tag\">{Text("Clock.SentLate")}</strong>", latePage);
            Assert.Contains("Sent 4 hours after the deadline.", latePage);
            Assert.DoesNotContain($"href=\"/reports/{late}/written\"", latePage);
            Assert.Contains(Text("Written.SentReadOnly"), await later.PageAsync($"/reports/{late}/written"));
            Assert.Contains(Text("Sent.Already"), await later.PageAsync($"/reports/{late}/sent"));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }
}
