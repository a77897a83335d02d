using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Training;

/// <summary>
/// Reminders on the staff home and the roster's standing as the host's clock moves on: a course required of the
/// role is due until passed; a pass is current for the county's renewal period, due in its last 30 days, then
/// lapsed; a county that renews every two years moves every date at once.
/// </summary>
[Trait("Category", "Data")]
public sealed class StandingTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private const string Course = "Your duty to report (California)";

    /// <summary>A fresh session (the last one ended as the clock moved on) and the staff home's words.</summary>
    private async Task<string> HomeAsync(TestUser user)
    {
        var client = await SignedInAsync(user);
        return TrainingKit.Words(await client.GetStringAsync("/staff"));
    }

    private async Task<HttpClient> SignedInAsync(TestUser user)
    {
        // An authenticator code is accepted once; this test signs the same user in several times within a minute.
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, (long?)null)));
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return client;
    }

    [Fact]
    public async Task TimeMovesOn_ReminderGoesFromRequiredToNothingToDueToLapsed_AndFollowsTheCountysPeriod()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var county = "std-" + Guid.NewGuid().ToString("N")[..8];
        await factory.AddAsync(new Beacon.Data.Entities.Jurisdiction { Id = county, NameEn = "Standing County", NameEs = "Condado", State = "CA" });
        var teacher = await factory.CreateInAgencyAsync(county, "School", Roles.Reporter);
        var analyst = await factory.CreateInAgencyAsync(county, "Task Force", Roles.Analyst);
        try
        {
            Assert.Contains($"{Course}: Required for your role, and not taken yet.", await HomeAsync(teacher), StringComparison.Ordinal);
            Assert.Contains("Nothing is due", await HomeAsync(analyst), StringComparison.Ordinal);

            var client = await SignedInAsync(teacher);
            await client.TakeQuizAsync(factory, TrainingKit.DutyToReport, right: 10);
            var passed = await factory.QueryAsync(db => db.TrainingCertificates.Where(c => c.UserId == teacher.Id).Select(c => c.PassedUtc).SingleAsync());
            Assert.Contains("Nothing is due", await HomeAsync(teacher), StringComparison.Ordinal);

            var renewBy = Beacon.Web.Infrastructure.LocalTime.LongDate(Core.Training.TrainingStanding.RenewBy(passed, 12), new System.Globalization.CultureInfo("en-US"));
            factory.Clock.Offset = passed.AddMonths(12).AddDays(-10) - DateTime.UtcNow;
            Assert.Contains($"{Course}: Due for renewal by {renewBy}.", await HomeAsync(teacher), StringComparison.Ordinal);

            factory.Clock.Offset = passed.AddMonths(12).AddDays(2) - DateTime.UtcNow;
            Assert.Contains($"{Course}: Lapsed: it was to be renewed by {renewBy}.", await HomeAsync(teacher), StringComparison.Ordinal);

            await factory.QueryAsync(db => db.Jurisdictions.Where(j => j.Id == county).ExecuteUpdateAsync(s => s.SetProperty(j => j.TrainingRenewalMonths, 24)));
            Assert.Contains("Nothing is due", await HomeAsync(teacher), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }
}
