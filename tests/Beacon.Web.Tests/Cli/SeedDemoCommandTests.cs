using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Cli;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Beacon.Web.Tests.Cli;

/// <summary><c>beacon seed-demo</c> on a database of its own: what it creates, and that it runs once.</summary>
[Trait("Category", "Data")]
public sealed partial class SeedDemoCommandTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Run_ConfirmedThenAgain_CreatesDemoCountiesOnceAndRefusesTheSecondRun()
    {
        var (exit, output, error) = await SeedDemo.RunAsync(factory, "Testing", confirmed: true);

        Assert.True(exit == 0, error);
        var accounts = AccountPattern().Matches(output).Select(m => (Email: m.Groups[1].Value, Role: m.Groups[2].Value,
            Password: m.Groups[3].Value, Key: m.Groups[4].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ToList();
        Assert.Equal(17, accounts.Count);
        Assert.Equal(2, accounts.Count(a => a.Role == Roles.Analyst));
        Assert.Equal(5, accounts.Count(a => a.Role == Roles.Supervisor));
        Assert.Equal(8, accounts.Count(a => a.Role == Roles.Caseworker));
        Assert.Equal(2, accounts.Count(a => a.Role == Roles.Reporter));
        Assert.All(accounts, a => Assert.EndsWith("@demo.beacon.test", a.Email));
        Assert.Equal(17, accounts.Select(a => a.Password).Distinct().Count());

        await factory.QueryAsync(async db =>
        {
            foreach (var county in SeedDemoCommand.Counties)
            {
                var agencies = await db.Agencies.Where(a => a.JurisdictionId == county && a.Name.StartsWith("Demo ")).Select(a => a.Name).ToListAsync();
                Assert.Equal(county == SeedDemoCommand.Counties[0] ? ["Demo Child Welfare", "Demo Probation", "Demo School District", "Demo Task Force"] : ["Demo Child Welfare", "Demo Probation", "Demo Task Force"], agencies.Order());
                var analyst = await db.Users.SingleAsync(u => u.Email == $"{county}-task-force-analyst@demo.beacon.test");
                Assert.Equal("Demo Task Force", (await db.Agencies.SingleAsync(a => a.Id == analyst.AgencyId)).Name);
                Assert.StartsWith("Demo Task Force Analyst (", analyst.DisplayName, StringComparison.Ordinal);
                Assert.Equal(["Demo Child Welfare"], await db.Agencies.Where(a => a.JurisdictionId == county && a.TriagesIntake).Select(a => a.Name).ToListAsync());
                var intake = await db.IntakeItems.AsNoTracking().Where(i => i.JurisdictionId == county).ToListAsync();
                Assert.Equal([(IntakeSource.Tip, IntakeStatus.New), (IntakeSource.Call, IntakeStatus.Assigned)], intake.Select(i => (i.Source, i.Status)).Order());
                Assert.All(intake, i => Assert.True(i.Source != IntakeSource.Call || i.Summary!.StartsWith("Demo", StringComparison.Ordinal)));
                var youth = await db.Youth.AsNoTracking().Where(y => y.JurisdictionId == county).ToListAsync();
                Assert.Equal(4, youth.Count);
                Assert.All(youth, y => Assert.EndsWith("(demo)", y.LegalName));
                Assert.Equal(3, youth.Count(y => y.IdentityIndex is not null)); // one has no date of birth, so no index
                var cases = await db.Cases.AsNoTracking().Where(c => c.JurisdictionId == county).ToListAsync();
                Assert.Equal([CaseStatus.Screening, CaseStatus.Mdt, CaseStatus.Services, CaseStatus.Closed], cases.Select(c => c.Status).Order());
                var referral = await db.Referrals.AsNoTracking().Include(r => r.Case).Include(r => r.ToAgency).SingleAsync(r => r.Case!.JurisdictionId == county);
                Assert.Equal(("Demo Probation", county, ReferralStatus.Accepted), (referral.ToAgency!.Name, referral.ToAgency.JurisdictionId, referral.Status));
                Assert.NotEqual(SharedParts.None, referral.Shares);
                var invitee = await db.CaseMembers.AsNoTracking().Include(m => m.User).SingleAsync(m => m.Kind == CaseMemberKind.MdtInvitee && m.Case!.JurisdictionId == county);
                Assert.Equal(referral.ToAgencyId, invitee.User!.AgencyId);
                Assert.Single(await db.MdtMeetings.Where(m => m.Case!.JurisdictionId == county).ToListAsync());
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                Assert.Single(await db.CaseTasks.Where(t => t.Case!.JurisdictionId == county && t.DueDate < today && t.DoneUtc == null).ToListAsync());
                Assert.True(await db.CaseNoteVersions.CountAsync(v => v.Note!.Case!.JurisdictionId == county) >= 4);
            }

            return 0;
        });

        // Every account has a second factor: the printed password and key sign in through the real pages.
        var caseworker = accounts.First(a => a.Role == Roles.Caseworker);
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == caseworker.Email));
        Assert.True(user.TwoFactorEnabled);
        var signIn = await factory.CreateBrowserLikeClient().SignInAsync(new TestUser(user.Id, caseworker.Email, caseworker.Password, caseworker.Key, user.AgencyId));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff", signIn.Headers.Location?.OriginalString);

        var entries = await factory.EntriesAsync();
        var creates = entries.Where(e => e.Action == AuditAction.Create && e.Detail == "seed-demo").ToList();
        Assert.All(creates, e => Assert.Equal(("system", null as Guid?), (e.Role, e.UserId)));
        Assert.Equal(8, creates.Count(e => e.RecordType == AuditRecordTypes.Youth));
        Assert.Equal(8, creates.Count(e => e.RecordType == AuditRecordTypes.Case));
        Assert.Equal(17, creates.Count(e => e.RecordType == AuditRecordTypes.Account));
        Assert.Equal(4, creates.Count(e => e.RecordType == AuditRecordTypes.IntakeItem));
        Assert.Equal(1, creates.Count(e => e.RecordType == AuditRecordTypes.MandatedReport));
        Assert.Null((await factory.VerifyAsync()).Break);

        // The school counselor's report: phoned 30 hours ago, so its 36-hour clock has six hours left.
        var report = await factory.QueryAsync(db => db.MandatedReports.AsNoTracking().Include(r => r.Reporter).SingleAsync(r => r.Reporter!.Email!.EndsWith("@demo.beacon.test")));
        Assert.Equal(("Demo School Counselor (Placer)", "School counselor"), (report.Reporter!.DisplayName, report.Reporter.ReporterCapacity));
        Assert.Equal((36, 1), ((report.WrittenDueUtc - report.LearnedUtc).TotalHours, (report.PhonedUtc - report.LearnedUtc).TotalHours));
        Assert.InRange(report.WrittenDueUtc - DateTime.UtcNow, TimeSpan.FromHours(5), TimeSpan.FromHours(6));
        Assert.Null(report.SentUtc);
        Assert.Contains("Riley Demo-Student (demo)", report.DraftJson, StringComparison.Ordinal);

        var again = await SeedDemo.RunAsync(factory, "Development", confirmed: true);

        Assert.Equal(2, again.Exit);
        Assert.Contains("already exists", again.Error);
        Assert.Equal(8, await factory.QueryAsync(db => db.Youth.CountAsync(y => SeedDemoCommand.Counties.Contains(y.JurisdictionId))));
    }

    [Fact]
    public void Split_ConfirmFlag_GoesToTheCommandNotTheHost()
    {
        var (command, host) = CommandLine.Split(["seed-demo", "--yes-demo-data", "--Beacon:Database:Provider", "Postgres"]);

        Assert.Equal(["seed-demo", "--yes-demo-data"], command);
        Assert.Equal(["--Beacon:Database:Provider", "Postgres"], host);
    }

    [GeneratedRegex(@"^(\S+@demo\.beacon\.test) +(\w+) +password: (\S+) +key: ([a-z0-9 ]+)$", RegexOptions.Multiline)]
    private static partial Regex AccountPattern();
}

/// <summary>The refusals that must happen before anything is written, on a database of their own.</summary>
[Trait("Category", "Data")]
public sealed class SeedDemoRefusalTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Run_WithoutFlagOutsideDevelopment_RefusesWithExit2AndWritesNothing(string environment)
    {
        var prepared = false;

        var (exit, output, error) = await SeedDemo.RunAsync(factory, environment, confirmed: false, () => prepared = true);

        Assert.Equal(2, exit);
        Assert.Contains("--yes-demo-data", error);
        Assert.Contains($"'{environment}'", error);
        Assert.Equal("", output);
        Assert.False(prepared); // refused before the database is even migrated
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.beacon.test"))));
        Assert.False(await factory.QueryAsync(db => db.Agencies.AnyAsync(a => a.Name.StartsWith("Demo "))));
    }
}

internal static class SeedDemo
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(BeaconFactory factory, string environment, SeedDemoOptions options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = new SeedDemoCommand(factory.Services, new HostingEnvironment { EnvironmentName = environment }, output, error);
        var exit = await command.RunAsync(options, () => Task.FromResult(true), null);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        BeaconFactory factory, string environment, bool confirmed, Action? onPrepare = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new HostingEnvironment { EnvironmentName = environment };
        var command = new SeedDemoCommand(factory.Services, host, output, error);
        var exit = await command.RunAsync(confirmed, () =>
        {
            onPrepare?.Invoke();
            return Task.FromResult(true);
        });
        return (exit, output.ToString(), error.ToString());
    }
}
