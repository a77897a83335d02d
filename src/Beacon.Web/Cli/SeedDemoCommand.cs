using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon seed-demo</c>: two agencies in each of two counties, their staff, and synthetic youth
/// with cases, so that a new user can try need-to-know as each role. Everything goes through the
/// app's own services (converters, Identity, the identity index) in one transaction, and is audited
/// as created by "system". It runs once per database, and only in Development or with
/// <see cref="ConfirmFlag"/>, so that a real county cannot fill itself with fake youth by mistake.
/// </summary>
public sealed partial class SeedDemoCommand(IServiceProvider services, IHostEnvironment environment, TextWriter output, TextWriter error)
{
    public const string ConfirmFlag = "--yes-demo-data";
    public const string EmailDomain = "demo.beacon.test";
    public const int RefusedExitCode = 2;
    public static readonly string[] Counties = ["placer", "monterey"];

    private const string AuditRole = "system";
    private const string AuditDetail = "seed-demo";
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private sealed record DemoAccount(string Email, string Role, string Password, string AuthenticatorKey);

    private sealed record DemoAgency(Agency Agency, BeaconUser Supervisor, BeaconUser Caseworker1, BeaconUser Caseworker2);

    /// <summary>
    /// Seeds, or refuses with exit code 2. <paramref name="prepare"/> (opening the key ring, migrating)
    /// runs only once the refusals that need no database have passed; it returns false to stop with exit code 1.
    /// </summary>
    public Task<int> RunAsync(bool confirmed, Func<Task<bool>>? prepare = null, CancellationToken ct = default) =>
        RunAsync(SeedDemoOptions.Base with { Confirmed = confirmed }, prepare, null, ct);

    /// <summary>
    /// As above; with <see cref="SeedDemoOptions.Screenings"/>, the base demo is made first when it is not there yet,
    /// then the task-force figures' volume (once per database). <paramref name="progress"/> makes a progress bar
    /// for a phase and its total.
    /// </summary>
    public async Task<int> RunAsync(
        SeedDemoOptions options, Func<Task<bool>>? prepare, Func<string, long, IProgress<long>>? progress, CancellationToken ct = default)
    {
        if (!options.Confirmed && !environment.IsDevelopment())
        {
            await error.WriteLineAsync(
                $"seed-demo writes synthetic youth, cases and demo accounts. It runs without asking only in the Development environment, " +
                $"and this is '{environment.EnvironmentName}'. If this database is for a demonstration or training, run it again with {ConfirmFlag}. " +
                "Nothing was written.");
            return RefusedExitCode;
        }

        if (prepare is not null && !await prepare())
        {
            return 1;
        }

        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BeaconDbContext>();
        var suffix = "@" + EmailDomain.ToUpperInvariant();
        var baseExists = await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(suffix), ct);
        if (baseExists && options.Screenings is null)
        {
            await error.WriteLineAsync($"The demo data already exists (accounts @{EmailDomain}): seed-demo runs once per database. Nothing was written.");
            return RefusedExitCode;
        }

        if (options.Screenings is not null && await VolumeRefusalAsync(db, ct) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return RefusedExitCode;
        }

        var missing = Counties.Except(await db.Jurisdictions.Where(j => Counties.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct)).ToList();
        if (missing.Count > 0)
        {
            await error.WriteLineAsync($"County not found: {string.Join(", ", missing)} (the shipped reference data adds them). Nothing was written.");
            return 1;
        }

        if (!baseExists && await SeedBaseAsync(sp, db, ct) is var exit and not 0)
        {
            return exit;
        }

        return options.Screenings is { } screenings ? await SeedVolumeAsync(sp, screenings, options.Seed, progress, ct) : 0;
    }

    /// <summary>The base demo: agencies, accounts and a handful of youth with cases in each county, in one transaction.</summary>
    private async Task<int> SeedBaseAsync(IServiceProvider sp, BeaconDbContext db, CancellationToken ct)
    {
        var accounts = new List<DemoAccount>();
        var created = new List<(string Type, Guid Id)>();
        var identity = sp.GetRequiredService<YouthIdentity>();
        // The blind index makes its key on first use, in a connection of its own that SQLite would make
        // wait on the transaction below: make sure the key exists first.
        _ = await identity.IndexAsync(nameof(SeedDemoCommand), new DateOnly(2000, 1, 1), ct);
        var seeder = new Seeder(db, sp.GetRequiredService<UserManager<BeaconUser>>(), identity, sp.GetRequiredService<SensitiveText>(),
            sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, accounts, created);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var county in Counties)
            {
                await seeder.CountyAsync(county, ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // Disposing the uncommitted transaction rolled everything back.
            await error.WriteLineAsync($"seed-demo failed: {ex.Message} Nothing was written.");
            return 1;
        }

        // After the commit: the trail appends in its own transaction, which SQLite would make wait on this one.
        var audit = sp.GetRequiredService<AuditTrail>();
        foreach (var (type, id) in created)
        {
            await audit.AppendAsync(new AuditRecord(AuditAction.Create, type, id.ToString(), AuditOutcome.Allowed, null, AuditRole, AuditDetail), ct);
        }

        await PrintAsync(accounts, created);
        return 0;
    }

    /// <summary>Writes one county's agencies, staff and cases into the caller's transaction, noting what to audit and print.</summary>
    private sealed partial class Seeder(
        BeaconDbContext db, UserManager<BeaconUser> users, YouthIdentity identity, SensitiveText sensitive, DateTime now,
        List<DemoAccount> accounts, List<(string Type, Guid Id)> created)
    {
        public async Task CountyAsync(string county, CancellationToken ct)
        {
            var welfare = await AgencyAsync(county, "Demo Child Welfare", "Child welfare (demo)", "cw", reporter: county == Counties[0], ct);
            var probation = await AgencyAsync(county, "Demo Probation", "Probation (demo)", "probation", reporter: false, ct);
            var name = county == Counties[0] ? "Rivera" : "Okafor";

            // A youth whose case went to an emergency MDT, with a referral to probation and an invited probation officer.
            var first = await YouthAsync(county, $"Alex {name}-Example (demo)", new DateOnly(2010, 3, 14), "en", ct);
            var mdt = OpenCase(first, welfare, CaseStatus.Mdt, now.AddDays(-12), CaseStatus.Open, CaseStatus.Screening, CaseStatus.Mdt);
            mdt.Members.Add(new CaseMember { UserId = welfare.Caseworker2.Id, Kind = CaseMemberKind.Team, AddedUtc = now.AddDays(-12) });
            AddNote(mdt, welfare.Caseworker1, now.AddDays(-11), "Demo note: first meeting at the youth centre (synthetic text).",
                "Demo note: first meeting at the youth centre; the youth asked to meet there again (synthetic text).");
            AddNote(mdt, welfare.Caseworker2, now.AddDays(-4), "Demo note: school counsellor called back (synthetic text).");
            AddTask(mdt, welfare.Caseworker1, "Demo task: confirm the safety plan with the youth", DateOnly.FromDateTime(now.AddDays(-3)));
            AddTask(mdt, welfare.Caseworker2, "Demo task: arrange a health check", DateOnly.FromDateTime(now.AddDays(7)));
            db.SafetyPlans.Add(new SafetyPlan
            {
                CaseId = mdt.Id, Text = "Demo safety plan: a trusted adult to call, a safe place after school (synthetic text).",
                UpdatedByUserId = welfare.Caseworker1.Id, UpdatedUtc = now.AddDays(-10),
            });
            db.CaseServices.Add(new CaseService { CaseId = mdt.Id, Kind = ServiceKind.Advocacy, ProviderAgencyId = welfare.Agency.Id, Status = ServiceStatus.Active, UpdatedUtc = now.AddDays(-9) });
            db.CaseServices.Add(new CaseService { CaseId = mdt.Id, Kind = ServiceKind.MentalHealth, ProviderAgencyId = probation.Agency.Id, Status = ServiceStatus.Planned, UpdatedUtc = now.AddDays(-6) });
            var referral = new Referral
            {
                CaseId = mdt.Id, FromAgencyId = welfare.Agency.Id, ToAgencyId = probation.Agency.Id,
                Request = "Demo referral: please join the MDT and consider diversion (synthetic text).", Basis = ConsentBasis.YouthConsent,
                Shares = SharedParts.Identity | SharedParts.Services, Status = ReferralStatus.Accepted,
                RequestedByUserId = welfare.Caseworker1.Id, RequestedUtc = now.AddDays(-8), DecidedByUserId = probation.Supervisor.Id, DecidedUtc = now.AddDays(-7),
            };
            db.Referrals.Add(referral);
            created.Add((AuditRecordTypes.Referral, referral.Id));
            var meeting = new MdtMeeting
            {
                CaseId = mdt.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = now.AddDays(-5), HeldUtc = now.AddDays(-5), Location = "Demo conference room",
                Decisions = "Demo decisions: weekly check-ins; counselling referral (synthetic text).", ScheduledByUserId = welfare.Supervisor.Id,
                Attendance = [new MdtAttendance { UserId = welfare.Caseworker1.Id, Attended = true }, new MdtAttendance { UserId = probation.Caseworker1.Id, Attended = true }],
            };
            db.MdtMeetings.Add(meeting);
            created.Add((AuditRecordTypes.MdtMeeting, meeting.Id));
            mdt.Members.Add(new CaseMember { UserId = probation.Caseworker1.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now.AddDays(-6), AccessEndsUtc = now.AddDays(14) });

            // A youth followed by probation, receiving services.
            var second = await YouthAsync(county, $"Sam {name}-Sample (demo)", new DateOnly(2009, 8, 2), "es", ct);
            var services = OpenCase(second, probation, CaseStatus.Services, now.AddDays(-40), CaseStatus.Open, CaseStatus.Services);
            AddNote(services, probation.Caseworker1, now.AddDays(-20), "Demo note: housing placement confirmed (synthetic text).");
            AddTask(services, probation.Caseworker2, "Demo task: review school attendance", DateOnly.FromDateTime(now.AddDays(14)));
            db.CaseServices.Add(new CaseService { CaseId = services.Id, Kind = ServiceKind.Housing, ProviderAgencyId = probation.Agency.Id, Status = ServiceStatus.Active, UpdatedUtc = now.AddDays(-20) });

            // A youth with a new case in screening, and one with a closed case.
            var third = await YouthAsync(county, $"Jordan {name}-Placeholder (demo)", null, "en", ct);
            OpenCase(third, welfare, CaseStatus.Screening, now.AddDays(-1), CaseStatus.Open, CaseStatus.Screening);
            var fourth = await YouthAsync(county, $"Casey {name}-Fictional (demo)", new DateOnly(2008, 11, 30), "en", ct);
            var closed = OpenCase(fourth, welfare, CaseStatus.Closed, now.AddDays(-60), CaseStatus.Open, CaseStatus.Services, CaseStatus.Closed);
            AddNote(closed, welfare.Caseworker2, now.AddDays(-59), "Demo note: goals met, case closing (synthetic text).");
            await IntakeAsync(county, welfare, ct);
            await TaskForceAsync(county, ct);
            await db.SaveChangesAsync(ct);
        }

        private async Task<DemoAgency> AgencyAsync(string county, string name, string role, string slug, bool reporter, CancellationToken ct)
        {
            var agency = await FindOrAddAgencyAsync(county, name, role, ct);

            var prefix = $"{county}-{slug}";
            var demo = new DemoAgency(agency,
                await UserAsync(agency, $"{prefix}-supervisor", $"Demo Supervisor ({name})", Roles.Supervisor),
                await UserAsync(agency, $"{prefix}-caseworker1", $"Demo Caseworker One ({name})", Roles.Caseworker),
                await UserAsync(agency, $"{prefix}-caseworker2", $"Demo Caseworker Two ({name})", Roles.Caseworker));
            if (reporter)
            {
                await UserAsync(agency, $"{prefix}-reporter", $"Demo Reporter ({name})", Roles.Reporter);
            }

            return demo;
        }

        private async Task<Agency> FindOrAddAgencyAsync(string county, string name, string role, CancellationToken ct)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.JurisdictionId == county && a.Name == name, ct);
            if (agency is null)
            {
                agency = new Agency { JurisdictionId = county, Name = name, Role = role, CreatedUtc = now };
                db.Agencies.Add(agency);
                await db.SaveChangesAsync(ct);
            }

            return agency;
        }

        /// <summary>An account enrolled with an authenticator (every staff role with youth data needs a second factor).</summary>
        private async Task<BeaconUser> UserAsync(Agency agency, string local, string displayName, string role)
        {
            var email = $"{local}@{EmailDomain}";
            var user = new BeaconUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, AgencyId = agency.Id, CreatedUtc = now };
            var password = NewPassword();
            Check(await users.CreateAsync(user, password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            Check(await users.ResetAuthenticatorKeyAsync(user), email);
            Check(await users.SetTwoFactorEnabledAsync(user, true), email);
            accounts.Add(new DemoAccount(email, role, password, (await users.GetAuthenticatorKeyAsync(user))!));
            created.Add((AuditRecordTypes.Account, user.Id));
            return user;
        }

        private async Task<Youth> YouthAsync(string county, string legalName, DateOnly? birth, string language, CancellationToken ct)
        {
            var youth = new Youth
            {
                JurisdictionId = county, LegalName = legalName, DateOfBirth = birth, Language = language,
                School = "Demo Middle School (fictional)", Phone = "555-0100",
                IdentityIndex = await identity.IndexAsync(legalName, birth, ct),
                Guardians = [new GuardianContact { Name = "Pat Guardian (demo)", Relationship = "Aunt (demo)", Phone = "555-0101" }],
                CreatedUtc = now, UpdatedUtc = now,
            };
            db.Youth.Add(youth);
            created.Add((AuditRecordTypes.Youth, youth.Id));
            return youth;
        }

        /// <summary>A case opened at <paramref name="opened"/> that moved through <paramref name="path"/>, a day per step.</summary>
        private Case OpenCase(Youth youth, DemoAgency owner, CaseStatus status, DateTime opened, params CaseStatus[] path)
        {
            var c = new Case
            {
                YouthId = youth.Id, JurisdictionId = youth.JurisdictionId, AgencyId = owner.Agency.Id, AssignedUserId = owner.Caseworker1.Id,
                Status = status, OpenedUtc = opened, ClosedUtc = status == CaseStatus.Closed ? opened.AddDays(path.Length) : null,
            };
            for (var i = 1; i < path.Length; i++)
            {
                c.StatusChanges.Add(new CaseStatusChange
                {
                    From = path[i - 1], To = path[i], Reason = $"Demo reason: moved to {path[i]} (synthetic text).",
                    ByUserId = owner.Caseworker1.Id, AtUtc = opened.AddDays(i),
                });
            }

            db.Cases.Add(c);
            created.Add((AuditRecordTypes.Case, c.Id));
            return c;
        }

        private void AddNote(Case c, BeaconUser author, DateTime at, params string[] versions) =>
            db.CaseNotes.Add(new CaseNote
            {
                CaseId = c.Id, AuthorId = author.Id, CreatedUtc = at,
                Versions = versions.Select((text, i) => new CaseNoteVersion { Number = i + 1, Text = text, EditedByUserId = author.Id, EditedUtc = at.AddHours(i) }).ToList(),
            });

        private void AddTask(Case c, BeaconUser assignee, string title, DateOnly due) =>
            db.CaseTasks.Add(new CaseTask { CaseId = c.Id, Title = title, DueDate = due, AssignedUserId = assignee.Id, CreatedByUserId = c.AssignedUserId!.Value, CreatedUtc = c.OpenedUtc });

        private static void Check(IdentityResult result, string email)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
