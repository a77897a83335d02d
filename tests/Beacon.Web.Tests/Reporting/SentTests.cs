using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>Recording the written report as sent: only once it is complete, with each field checked and a confirmation.</summary>
[Trait("Category", "Data")]
public sealed class SentTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Sent_WrittenReportNotComplete_SaysSoAndRecordsNothing()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var id = await client.PhoneReportAsync();

        var page = await client.PageAsync($"/reports/{id}/sent");
        var response = await client.PostAsync($"/reports/{id}/sent", new Dictionary<string, string>
        {
            ["stamp"] = Guid.Empty.ToString(), ["Input.Sent"] = Local(DateTime.UtcNow), ["Input.Method"] = "Fax", ["Input.To"] = "916-555-0100",
            ["Input.Confirmed"] = "true",
        });

        Assert.Contains(Text("Sent.NotComplete"), page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await factory.ReportAsync(id)).SentUtc);
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
