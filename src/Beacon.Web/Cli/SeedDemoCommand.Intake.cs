using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Jurisdictions;
using Beacon.Core.Reporting;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

public sealed partial class SeedDemoCommand
{
    private sealed partial class Seeder
    {
        /// <summary>
        /// The county's intake, triaged by its demo child welfare agency: a tip waiting since yesterday and a
        /// logged call assigned to a caseworker. In the first county, a school district whose counselor learned
        /// of a suspicion 30 hours ago and phoned an hour later: the written report is drafted, six hours left.
        /// </summary>
        private async Task IntakeAsync(string county, DemoAgency welfare, CancellationToken ct)
        {
            welfare.Agency.TriagesIntake = true;
            var tip = new Tip
            {
                JurisdictionId = county, Language = "en", ReceivedUtc = now.AddHours(-30),
                WhatProtected = sensitive.Protect("Demo tip: a teenager at the bus station is picked up each night by different adults (synthetic text)."),
                WhereProtected = sensitive.Protect("Demo bus station (fictional)"),
            };
            db.Tips.Add(tip);
            Add(IntakeItem.ForTip(tip));
            Add(new IntakeItem
            {
                JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = now.AddHours(-5), LastActionUtc = now.AddHours(-4),
                Level = ConcernLevel.Possible, CallerName = "Demo Caller (fictional)", CallerRole = "School nurse (demo)", CallerPhone = "555-0102",
                Summary = "Demo call: a student has new expensive gifts and an older boyfriend nobody has met (synthetic text).",
                LoggedByUserId = welfare.Caseworker2.Id, Status = IntakeStatus.Assigned, AssignedUserId = welfare.Caseworker1.Id, AssignedUtc = now.AddHours(-4),
            });
            if (county != Counties[0])
            {
                return;
            }

            var school = await FindOrAddAgencyAsync(county, "Demo School District", "School district (demo)", ct);
            var counselor = await UserAsync(school, $"{county}-school-counselor", "Demo School Counselor (Placer)", Roles.Reporter);
            (counselor.WorkAddress, counselor.WorkPhone, counselor.ReporterCapacity) = ("Demo Middle School, 1 Example Way (fictional)", "555-0110", "School counselor");
            await UserAsync(school, $"{county}-school-supervisor", "Demo Head Counselor (Placer)", Roles.Supervisor);
            // The counselor's training: the duty-to-report course passed eleven months ago (due for renewal within
            // the month) and CSEC basics three months ago, so the head counselor's roster and both homes show something.
            Passed(counselor, "duty-to-report", now.AddMonths(-11));
            Passed(counselor, "csec-basics", now.AddMonths(-3));
            var hotline = await db.Contacts.FirstOrDefaultAsync(c => c.JurisdictionId == county && c.Kind == ContactKind.ChildWelfareHotline, ct);
            // Learned of it in the morning, called an hour later: the 36 hours run from the morning.
            var learned = now.AddHours(-30);
            var phoned = learned.AddHours(1);
            var draft = new WrittenReportDraft
            {
                ["reporter.name"] = counselor.DisplayName, ["reporter.address"] = counselor.WorkAddress,
                ["reporter.phone"] = counselor.WorkPhone, ["reporter.capacity"] = counselor.ReporterCapacity,
                ["suspicion.information"] = "Demo: the student talks of a much older boyfriend who buys her phones and takes her to hotels (synthetic text).",
                ["suspicion.sources"] = "Demo: the counselor's own conversation with the student (synthetic text).",
                ["child.name"] = "Riley Demo-Student (demo)", ["child.school"] = "Demo Middle School (fictional)", ["child.grade"] = "8",
            };
            var report = new MandatedReport
            {
                JurisdictionId = county, LawId = ReportingLaw.California.Id, ReporterUserId = counselor.Id, AgencyId = school.Id,
                CalledContactId = hotline?.Id, CalledAgency = hotline?.NameEn ?? "County child welfare hotline", LearnedUtc = learned, PhonedUtc = phoned,
                TakenBy = "Demo Intake Worker (fictional)", ReferenceNumber = "DEMO-0001",
                WrittenDueUtc = WrittenReportClock.DueUtc(learned, ReportingLaw.California.Clock),
                DraftJson = draft.ToJson(), DraftSavedUtc = phoned.AddHours(1), CreatedUtc = phoned,
            };
            db.MandatedReports.Add(report);
            created.Add((AuditRecordTypes.MandatedReport, report.Id));
        }

        /// <summary>A passed attempt and its certificate, as the quiz page would have stored them.</summary>
        private void Passed(BeaconUser user, string course, DateTime passedUtc)
        {
            var attempt = new QuizAttempt
            {
                Id = Guid.NewGuid(), UserId = user.Id, CourseSlug = course, Language = "en", SubmittedUtc = passedUtc,
                Correct = 10, Total = 10, PassMark = Core.Training.Course.DefaultPassMark, Passed = true,
            };
            db.QuizAttempts.Add(attempt);
            db.TrainingCertificates.Add(new TrainingCertificate
            {
                UserId = user.Id, AttemptId = attempt.Id, CourseSlug = course, LearnerName = user.DisplayName, PassedUtc = passedUtc,
                Code = Core.Training.CertificateCode.New(),
            });
        }

        private void Add(IntakeItem item)
        {
            db.IntakeItems.Add(item);
            created.Add((AuditRecordTypes.IntakeItem, item.Id));
        }
    }
}
