using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>Recording the written report as sent: only once it is complete, with each field checked and a confirmation.</summary>
[Trait("Category", "Data")]
public sealed class SentTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Sent_WrittenReportNotComplete_RecordedOnlyWhenTheStateFormWentWithoutIt()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();
        var stamp = (await factory.ReportAsync(id)).Stamp.ToString();
        var fields = new Dictionary<string, string>
        {
            ["stamp"] = stamp, ["Input.Sent"] = Local(DateTime.UtcNow), ["Input.Method"] = "Fax", ["Input.To"] = "916-555-0100",
            ["Input.Confirmed"] = "true",
        };

        var page = await client.PageAsync($"/reports/{id}/sent");
        var refused = await client.PostAsync($"/reports/{id}/sent", fields);

        Assert.Contains(Text("Sent.NotComplete"), page);
        Assert.Contains("Input.OutsideBeacon", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Beacon&#x27;s written report is not complete: complete it first", await refused.Content.ReadAsStringAsync());
        Assert.Null((await factory.ReportAsync(id)).SentUtc);

        fields["Input.OutsideBeacon"] = "true";
        var recorded = await client.PostAsync($"/reports/{id}/sent", fields);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.NotNull((await factory.ReportAsync(id)).SentUtc);
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id),
            e => e is { Action: AuditAction.Change, Detail: "sent; on-time; outside-beacon" });
    }

    [Fact]
    public async Task Sent_EachFieldWrong_NamesItAndRecordsNothing()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var phoned = Minute(DateTime.UtcNow.AddHours(-3));
        var id = await client.PhoneReportAsync(form: PhoneForm(phonedUtc: phoned));
        await client.CompleteWrittenAsync(id);

        var before = await (await client.PostSentAsync(id, phoned.AddMinutes(-1))).HtmlAsync();
        var future = await (await client.PostSentAsync(id, DateTime.UtcNow.AddHours(1))).HtmlAsync();
        var rest = await (await client.PostSentAsync(id, DateTime.UtcNow, method: "Pigeon", to: " ", confirmed: false)).HtmlAsync();

        AssertFieldError(before, "Input_Sent", "Date and time you sent it: it cannot be before the phone call.");
        AssertFieldError(future, "Input_Sent", "Date and time you sent it: it cannot be in the future.");
        AssertFieldError(rest, "Input_Method", "How you sent it: choose one.");
        AssertFieldError(rest, "Input_To", "Where you sent it: this field is required.");
        AssertFieldError(rest, "Input_Confirmed", $"{Text("Sent.Field.Confirmed")}: tick the box to confirm.");
        Assert.Null((await factory.ReportAsync(id)).SentUtc);
    }
}
