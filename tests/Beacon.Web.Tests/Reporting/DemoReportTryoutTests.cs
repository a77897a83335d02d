using System.Net;
using System.Text.RegularExpressions;
using Beacon.Web.Tests.Cli;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Beacon.Web.Tests.Reporting;

/// <summary>
/// Issue 6's "done when", with the demo as a new user finds it: the school counselor signs in with what
/// <c>beacon seed-demo</c> printed and finds their report due soon, its written report saved and its PDF
/// complete; the head counselor of the same school sees the clock among the agency's open clocks; a
/// supervisor of another agency sees neither the report nor the clock.
/// </summary>
[Trait("Category", "Data")]
public sealed partial class DemoReportTryoutTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SeedDemo_SchoolCounselorAndHeadCounselor_SeeTheRunningClock()
    {
        var (exit, output, error) = await SeedDemo.RunAsync(factory, "Development", confirmed: true);
        Assert.True(exit == 0, error);
        var report = await factory.QueryAsync(db => db.MandatedReports.AsNoTracking().SingleAsync(r => r.Reporter!.Email!.StartsWith("placer-school-counselor@")));

        var counselor = await SignInAsync(output, "placer-school-counselor");
        var page = WebUtility.HtmlDecode(await counselor.GetStringAsync($"/reports/{report.Id}"));
        Assert.Contains("Due soon", page, StringComparison.Ordinal);
        Assert.Matches("[56] hours left", page);
        Assert.Contains("Complete: every fact the law requires is there.", page, StringComparison.Ordinal);
        var home = WebUtility.HtmlDecode(await counselor.GetStringAsync("/staff"));
        Assert.Contains("Due soon", home, StringComparison.Ordinal);
        using (var pdf = PdfDocument.Open(await counselor.GetByteArrayAsync($"/reports/{report.Id}/pdf")))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Riley Demo-Student (demo)", text, StringComparison.Ordinal);
            Assert.Contains("DEMO-0001", text, StringComparison.Ordinal);
            Assert.Contains("Unknown", text, StringComparison.Ordinal); // the child's address, the guardians, the suspect
        }

        var headCounselor = await SignInAsync(output, "placer-school-supervisor");
        var clocks = WebUtility.HtmlDecode(await headCounselor.GetStringAsync("/reports"));
        Assert.Contains("Demo School Counselor (Placer)", clocks, StringComparison.Ordinal);
        Assert.Contains($"/reports/{report.Id}", clocks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await headCounselor.GetAsync($"/reports/{report.Id}")).StatusCode);

        var otherSupervisor = await SignInAsync(output, "placer-cw-supervisor");
        Assert.DoesNotContain($"/reports/{report.Id}", await otherSupervisor.GetStringAsync("/reports"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSupervisor.GetAsync($"/reports/{report.Id}")).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string output, string local)
    {
        var match = Regex.Match(output, $@"^({local}@demo\.beacon\.test) +\w+ +password: (\S+) +key: ([a-z0-9 ]+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{local} is not in the demo's accounts");
        var email = match.Groups[1].Value;
        var user = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var client = factory.CreateBrowserLikeClient();
        var key = match.Groups[3].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var signIn = await client.SignInAsync(new TestUser(user.Id, email, match.Groups[2].Value, key, user.AgencyId));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
