using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>The phone report: where it starts, each field checked with nothing half-saved, the clock started, the law shown.</summary>
[Trait("Category", "Data")]
public sealed class PhoneReportTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> ClearAnswers = new() { ["third-party-benefit"] = 2, ["hotel-keys"] = 1 };

    [Fact]
    public async Task New_FromAScreen_SavesTheCallStartsTheClockAtPhoneTimePlus36HoursAndAudits()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var screen = await client.StartScreenAsync(ClearAnswers, finish: true);
        var phoned = Minute(DateTime.UtcNow.AddHours(-2));

        var form = await client.PageAsync($"/reports/new?screen={screen}");
        var id = await client.PhoneReportAsync($"?screen={screen}", PhoneForm(phonedUtc: phoned, takenBy: "Lupe Ortiz", reference: "R-77"));

        Assert.Contains("Placer County Child Welfare Hotline<span class=\"phone\"> — 1-866-293-1940</span>", form);
        Assert.Contains(Text("Law.CA.Individual"), form);
        Assert.Contains("href=\"https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=11172.\"", form);
        var report = await factory.ReportAsync(id);
        Assert.Equal((screen, (Guid?)null), (report.ScreenId!.Value, report.CaseId));
        Assert.Equal((County, "CA", me.Id, me.AgencyId), (report.JurisdictionId, report.LawId, report.ReporterUserId, report.AgencyId));
        Assert.Equal(Hotline, report.CalledContactId);
        Assert.Equal(phoned, DateTime.SpecifyKind(report.PhonedUtc, DateTimeKind.Utc));
        Assert.Equal(phoned.AddHours(36), DateTime.SpecifyKind(report.WrittenDueUtc, DateTimeKind.Utc));
        Assert.Equal(("Lupe Ortiz", "R-77"), (report.TakenBy, report.ReferenceNumber));
        Assert.StartsWith("dp1:", await factory.RawAsync("MandatedReports", "TakenBy", id));
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id),
            e => e is { Action: AuditAction.Create, Outcome: AuditOutcome.Allowed, Detail: "phone; screen" });
        var page = await client.PageAsync($"/reports/{id}");
        Assert.Contains("Lupe Ortiz", page);
        Assert.Contains(Text("Clock.Running"), page);
        Assert.Contains(Text("Clock.HoursLeft").Replace("{0}", "33"), page);
    }

    [Fact]
    public async Task New_InformationReceivedBeforeTheCall_TheHoursRunFromWhenItWasReceived()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var learned = Minute(DateTime.UtcNow.AddHours(-12));
        var phoned = Minute(DateTime.UtcNow.AddHours(-2));

        var id = await client.PhoneReportAsync("", PhoneForm(phonedUtc: phoned, learnedUtc: learned));

        var report = await factory.ReportAsync(id);
        Assert.Equal(learned, DateTime.SpecifyKind(report.LearnedUtc, DateTimeKind.Utc));
        Assert.Equal(learned.AddHours(36), DateTime.SpecifyKind(report.WrittenDueUtc, DateTimeKind.Utc));
        Assert.Contains(Text("Clock.HoursLeft").Replace("{0}", "23"), await client.PageAsync($"/reports/{id}"));
    }

    [Fact]
    public async Task New_LearnedInTheHourTheAutumnChangeRepeats_TheEarlierHourStartsTheClock()
    {
        var (_, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var form = PhoneForm(phonedUtc: new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc));
        form["Input.Learned"] = "2026-11-01T01:30"; // 08:30 UTC (PDT) or 09:30 UTC (PST): the clock must not start an hour late

        var report = await factory.ReportAsync(await client.PhoneReportAsync("", form));

        Assert.Equal(new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc), DateTime.SpecifyKind(report.LearnedUtc, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 11, 2, 20, 30, 0, DateTimeKind.Utc), DateTime.SpecifyKind(report.WrittenDueUtc, DateTimeKind.Utc));
    }

    public static TheoryData<string, Dictionary<string, string>, string, string> WrongFields() => new()
    {
        { "no agency", Change(PhoneForm(), "Input.Agency", ""), "Input_Agency", "Agency you called: choose the agency you called, or “Another agency” and type its name." },
        { "unknown agency", Change(PhoneForm(), "Input.Agency", "monterey-child-welfare"), "Input_Agency", "Agency you called: choose the agency you called, or “Another agency” and type its name." },
        { "another agency unnamed", PhoneForm(agency: "other"), "Input_OtherName", "Name of the other agency: this field is required." },
        { "no time", Change(PhoneForm(), "Input.Phoned", ""), "Input_Phoned", "Date and time of the call: this field is required." },
        { "no time shape", Change(PhoneForm(), "Input.Phoned", "yesterday at noon"), "Input_Phoned", "Date and time of the call: enter a date and time like 2026-12-01 14:30." },
        { "skipped time", Change(PhoneForm(), "Input.Phoned", "2026-03-08T02:30"), "Input_Phoned", "Date and time of the call: that time does not exist in California (the clocks skip it in spring); choose another." },
        { "future", PhoneForm(phonedUtc: DateTime.UtcNow.AddHours(2)), "Input_Phoned", "Date and time of the call: it cannot be in the future." },
        { "learned after the call", PhoneForm(phonedUtc: DateTime.UtcNow.AddHours(-3), learnedUtc: DateTime.UtcNow.AddHours(-1)), "Input_Learned", "When you received the information: it cannot be after the time of your call. Correct one of the two times." },
        { "no learned time", Change(PhoneForm(), "Input.Learned", ""), "Input_Learned", "When you received the information: this field is required." },
        { "nobody took it", PhoneForm(takenBy: "  "), "Input_TakenBy", "Name of the person who took your report: this field is required." },
        { "name too long", PhoneForm(takenBy: new string('a', 101)), "Input_TakenBy", "Name of the person who took your report: use at most 100 characters." },
        { "reference too long", PhoneForm(reference: new string('7', 101)), "Input_Reference", "Referral or reference number: use at most 100 characters." },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public async Task New_AFieldWrong_NamesItAndSavesNothing(string _, Dictionary<string, string> form, string fieldId, string message)
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);

        var response = await client.PostAsync("/reports/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(await response.HtmlAsync(), fieldId, message);
        Assert.Equal(0, await factory.ReportsByAsync(me));
    }

    [Fact]
    public async Task New_AnotherAgencyAndNoReference_KeepsTheTypedNameAndNoNumber()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Supervisor);

        var id = await client.PhoneReportAsync(form: PhoneForm(agency: "other", otherName: "Auburn Police Department", reference: ""));

        var report = await factory.ReportAsync(id);
        Assert.Equal(("Auburn Police Department", (string?)null, (string?)null), (report.CalledAgency, report.CalledContactId, report.ReferenceNumber));
        Assert.Equal((Guid?)null, report.ScreenId);
        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.MandatedReport, id), e => e.Detail == "phone; no screen");
    }

    [Fact]
    public async Task New_TheSameFormSentTwice_SavesOneReport()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var form = PhoneForm(recordId: Guid.NewGuid());

        var first = await client.PhoneReportAsync(form: form);
        var second = await client.PhoneReportAsync(form: form);

        Assert.Equal(first, second);
        Assert.Equal(1, await factory.ReportsByAsync(me));
    }

    [Fact]
    public async Task New_CountyWhoseStateBeaconHasNoLawFor_SaysSoPlainlyAndSavesNothing()
    {
        var county = "nv-" + Guid.NewGuid().ToString("N")[..8];
        await factory.AddAsync(new Jurisdiction { Id = county, NameEn = "Test County, Nevada", NameEs = "Condado de Prueba, Nevada", State = "NV" });
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter, county);

        var page = await client.PageAsync("/reports/new");
        var response = await client.PostAsync("/reports/new", PhoneForm());

        Assert.Contains(Text("Phone.NoLaw"), page);
        Assert.DoesNotContain("Input.TakenBy", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Text("Phone.NoLaw"), await response.HtmlAsync());
        Assert.Equal(0, await factory.ReportsByAsync(me));
    }

    [Fact]
    public async Task New_FromADraftOrAScreenOfNoConcern_SaysWhyAndSavesNothing()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var draft = await client.StartScreenAsync(ClearAnswers);
        var none = await client.StartScreenAsync(new Dictionary<string, int?> { ["withdrawal"] = 0 }, finish: true);

        foreach (var screen in new[] { draft, none })
        {
            Assert.Contains(Text("Phone.ScreenNotReportable"), await client.PageAsync($"/reports/new?screen={screen}"));
            var response = await client.PostAsync($"/reports/new?screen={screen}", PhoneForm());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, await factory.ReportsByAsync(me));
    }

    [Fact]
    public async Task New_SomeoneElsesScreen_IsNotFoundAndTheRefusalAudited()
    {
        var (_, author) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var screen = await author.StartScreenAsync(ClearAnswers, finish: true);
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Reporter);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/new?screen={screen}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/reports/new?screen={screen}", PhoneForm())).StatusCode);

        Assert.Contains(await factory.AuditOfAsync(me, AuditRecordTypes.Screen, screen), e => e.Action == AuditAction.AccessRefused);
        Assert.Equal(0, await factory.ReportsByAsync(me));
    }

    [Fact]
    public async Task New_FromACaseTheUserWorks_TakesTheCaseAndItsLatestScreenAndTheCaseListsTheClock()
    {
        var (me, client) = await factory.StaffAsync(NewAgency(), Roles.Caseworker);
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", County), me.AgencyId, me);
        var screen = await client.StartScreenAsync(ClearAnswers, finish: true);
        await factory.ChangeScreenCaseAsync(screen, c.Id);

        Assert.Contains(Text("Case.Start"), await client.PageAsync($"/cases/{c.Id}"));
        var id = await client.PhoneReportAsync($"?case={c.Id}");

        var report = await factory.ReportAsync(id);
        Assert.Equal((c.Id, screen), (report.CaseId!.Value, report.ScreenId!.Value));
        var casePage = await client.PageAsync($"/cases/{c.Id}");
        Assert.Contains($"href=\"/reports/{id}\"", casePage);
        Assert.Contains(Text("Clock.Running"), casePage);
    }

    [Fact]
    public async Task New_FromACaseTheUserDoesNotWork_IsNotFoundAndNothingSaved()
    {
        var owner = await factory.CreateInAgencyAsync(County, NewAgency(), Roles.Caseworker);
        var c = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", County), owner.AgencyId, owner);
        var (reporter, reporterClient) = await factory.StaffAsync(NewAgency(), Roles.Reporter);
        var (caseworker, caseworkerClient) = await factory.StaffAsync(NewAgency(), Roles.Caseworker);

        foreach (var (user, client) in new[] { (reporter, reporterClient), (caseworker, caseworkerClient) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/new?case={c.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/reports/new?case={c.Id}", PhoneForm())).StatusCode);
            Assert.Equal(0, await factory.ReportsByAsync(user));
            Assert.Contains(await factory.AuditOfAsync(user, AuditRecordTypes.Case, c.Id), e => e.Action == AuditAction.AccessRefused);
        }
    }

    private static Dictionary<string, string> Change(Dictionary<string, string> form, string field, string value)
    {
        form[field] = value;
        return form;
    }
}
