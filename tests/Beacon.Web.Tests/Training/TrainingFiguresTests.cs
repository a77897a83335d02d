using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Analytics;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Training;

/// <summary>
/// The task force's figures count, per agency, the staff whose certificate of each course was earned by the end of
/// the period and had not lapsed by then, beside the agency's active staff; in the page and in the CSV.
/// </summary>
[Trait("Category", "Data")]
public sealed class TrainingFiguresTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Figures_TrainingByAgency_CountsCertificatesCurrentAtThePeriodsEnd()
    {
        var school = "Figures School " + Guid.NewGuid().ToString("N")[..6];
        var end = FigureMonth.EndUtc(FigureMonth.MonthsOf(FiguresKit.LastQuarter)[2]);
        var inQuarter = end.AddDays(-20);
        var staff = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            staff.Add(await factory.CreateInAgencyAsync("placer", school, Roles.Reporter));
        }

        var joinedLater = await factory.CreateInAgencyAsync("placer", school, Roles.Reporter);
        await factory.QueryAsync(db => db.Users.Where(u => staff.Select(s => s.Id).Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedUtc, end.AddYears(-3))));
        await PassAsync(staff[0], "duty-to-report", inQuarter);               // current at the end
        await PassAsync(staff[1], "duty-to-report", end.AddYears(-2));        // lapsed by then
        await PassAsync(staff[1], "csec-basics", inQuarter);
        await PassAsync(staff[2], "duty-to-report", end.AddDays(5));          // after the period
        await PassAsync(joinedLater, "duty-to-report", inQuarter);            // not staff at the end (account made later)
        var trainer = await factory.CreateInAgencyAsync("placer", "Figures Task Force", Roles.Trainer);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(trainer);

        var html = await client.GetStringAsync($"/figures?period={FigureMonth.QuarterKey(FiguresKit.LastQuarter)}&county=placer&agency={staff[0].AgencyId}");
        var csv = await client.GetStringAsync($"/figures?handler=Csv&period={FigureMonth.QuarterKey(FiguresKit.LastQuarter)}&county=placer&agency={staff[0].AgencyId}");

        var cells = FiguresKit.Cells(html).Where(c => c.Table == "training-by-agency").Select(c => c.Value).ToList();
        // csec-basics, recognising-csec, risk-and-how-it-starts, talking-with-youth, duty-to-report, active staff
        Assert.Equal(["1", "0", "0", "0", "1", "3"], cells);
        Assert.Contains("Staff with current training, by agency", csv, StringComparison.Ordinal);
        Assert.Contains($"{school},1,0,0,0,1,3", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_ForAnAnalyst_LeaveOutTrainingAndSayWhoSeesIt()
    {
        var analyst = await factory.CreateInAgencyAsync("placer", "Figures Task Force", Roles.Analyst);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(analyst);

        var html = await client.GetStringAsync($"/figures?period={FigureMonth.QuarterKey(FiguresKit.LastQuarter)}&county=placer");
        var csv = await client.GetStringAsync($"/figures?handler=Csv&period={FigureMonth.QuarterKey(FiguresKit.LastQuarter)}&county=placer");

        Assert.DoesNotContain("fig-training-by-agency", html, StringComparison.Ordinal);
        Assert.Contains("Training completion by agency is shown to trainers and administrators", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Staff with current training", csv, StringComparison.Ordinal);
    }

    private async Task PassAsync(TestUser user, string course, DateTime passedUtc)
    {
        var attempt = new QuizAttempt
        {
            Id = Guid.NewGuid(), UserId = user.Id, CourseSlug = course, Language = "en", SubmittedUtc = passedUtc, Correct = 10, Total = 10,
            PassMark = 80, Passed = true,
        };
        await factory.AddAsync(attempt);
        await factory.AddAsync(new TrainingCertificate
        {
            UserId = user.Id, AttemptId = attempt.Id, CourseSlug = course, LearnerName = "Test User", PassedUtc = passedUtc,
            Code = Core.Training.CertificateCode.New(),
        });
    }
}
