using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Beacon.Web;
using Beacon.Web.Infrastructure;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Training;

/// <summary>
/// The training section in a browser. A teacher (a Reporter at a school) takes the required course on their duty
/// to report from the reminder on the staff home to a certificate with the keyboard only, in English and Spanish,
/// with axe on the course page, the quiz and the result; downloads the certificate, which anyone can check at
/// /verify; and their supervisor sees the pass on the agency's roster. A visitor's progress on a public course is
/// kept in their browser until they forget it or leave by the quick exit (TrainingTests.Visitor.cs).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TrainingTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    private const string DutyToReport = "duty-to-report";

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Teacher_KeyboardOnly_PassesDutyToReportGetsACertificateAndTheSupervisorSeesIt(string language)
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var school = $"Synthetic Elementary School {run}";
        var teacher = await server.CreateUserInAsync(school, $"Teacher Testperson {run}", Roles.Reporter);
        var supervisor = await server.CreateUserInAsync(school, $"Principal Testperson {run}", Roles.Supervisor);
        var course = server.Course(language, DutyToReport);
        var correct = server.CorrectAnswers(language, DutyToReport);
        var coursePath = $"/training/{DutyToReport}";
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, teacher);
        await ChooseLanguageByKeyboardAsync(page, language);
        var audit = new AxeAudit(server, output.WriteLine);

        // The staff home reminds the teacher of the course their role requires.
        var reminder = page.Locator("main section[aria-labelledby=training-due-title]");
        await Expect(reminder.Locator("h2")).ToHaveTextAsync(L(language, "Due.Title"));
        await Expect(reminder.Locator("li").Filter(new() { Has = page.Locator($"a[href='{coursePath}']") }))
            .ToContainTextAsync(L(language, "Standing.RequiredNotTaken"));
        await page.TabToAsync($"main a[href='{coursePath}']");
        await Expect(page.Locator($"main a[href='{coursePath}']")).ToHaveTextAsync(course.Title);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(server.Url(coursePath));
        await Expect(page.Locator("h1")).ToHaveTextAsync(course.Title);
        await Expect(page.Locator("main p.standing")).ToHaveTextAsync(L(language, "Standing.RequiredNotTaken"));
        await Expect(page.Locator("main")).ToContainTextAsync(L(language, "Course.NoAttempts"));
        await audit.CheckShownAsync(page, "the course page, not taken", language);

        // The first lesson, then back to the course by the breadcrumb, and on to the quiz.
        var lesson = course.Lessons[0];
        await page.TabToAsync($"main .lesson-list a[href='{coursePath}/{lesson.Slug}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync(lesson.Title);
        await Expect(page.Locator("main")).ToContainTextAsync(L(language, "Lesson.Position", 1, course.Lessons.Count));
        await page.TabToAsync($"main nav.breadcrumb a[href='{coursePath}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url(coursePath));
        await page.TabToAsync($"main a[href='{coursePath}/quiz']");
        await Expect(page.Locator($"main a[href='{coursePath}/quiz']")).ToHaveTextAsync(L(language, "Course.StartQuiz"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(L(language, "Quiz.Title", course.Title));
        var shown = await page.ShownQuestionsAsync();
        Assert.Equal(course.QuestionsPerAttempt, shown.Count);
        await audit.CheckShownAsync(page, "the quiz form", language);
        foreach (var question in shown)
        {
            await AnswerByKeyboardAsync(page, question, correct[question.Id]);
        }

        await page.TabToAsync("main form.quiz button[type=submit]");
        await Expect(page.Locator("main form.quiz button[type=submit]")).ToHaveTextAsync(L(language, "Quiz.Submit"));
        await page.Keyboard.PressAsync("Enter");

        // Every answer right: passed, with a certificate and its verification code.
        var result = page.Locator("#quiz-result");
        await Expect(result.Locator("h2")).ToHaveTextAsync(L(language, "Result.Passed"));
        await Expect(result).ToContainTextAsync(L(language, "Result.Score", shown.Count, shown.Count, 100, course.PassMark));
        var code = CertificateCodeText().Match(await result.InnerTextAsync()).Value;
        Assert.NotEmpty(code);
        await Expect(result).ToContainTextAsync(L(language, "Result.Certificate", code));
        await Expect(page.Locator("main ol.quiz-review > li > p.outcome-right")).ToHaveCountAsync(shown.Count);
        await Expect(result).ToBeFocusedAsync();
        await audit.CheckShownAsync(page, "the result, passed", language);
        var certificate = await server.CertificateAsync(code);
        Assert.Equal((teacher.Id, DutyToReport, teacher.DisplayName), (certificate.UserId, certificate.CourseSlug, certificate.LearnerName));
        var culture = new CultureInfo(language);
        var passedOn = LocalTime.LongDate(certificate.PassedUtc, culture);

        // The certificate, downloaded from the result by keyboard: a PDF with the name, the course and the code.
        var download = $"#quiz-result a[href='/training/certificates/{certificate.Id}']";
        await page.TabToAsync(download);
        await Expect(page.Locator(download)).ToHaveTextAsync(L(language, "Course.DownloadCertificate"));
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"beacon-certificate-{code}.pdf", pdf.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using (var document = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var fact in new[] { teacher.DisplayName, course.Title, code, passedOn, L(language, "Certificate.Title") })
            {
                Assert.Contains(fact, text, StringComparison.Ordinal);
            }
        }

        // Back on the course page: the pass, the certificate and the attempt; nothing is due on the staff home.
        await page.TabToAsync($"#quiz-result a[href='{coursePath}']");
        await page.Keyboard.PressAsync("Enter");
        var renewBy = LocalTime.LongDate(await server.RenewByAsync(certificate), culture);
        await Expect(page.Locator("main p.standing")).ToHaveTextAsync(L(language, "Standing.Current", passedOn, renewBy));
        await Expect(page.Locator("main")).ToContainTextAsync(L(language, "Course.CertificateLine", passedOn, code));
        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("main table tbody tr td").Nth(2)).ToHaveTextAsync(L(language, "Attempt.Passed"));
        await audit.CheckShownAsync(page, "the course page, passed", language);
        await page.TabToAsync("header a[href='/staff']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(reminder).ToContainTextAsync(L(language, "Due.None"));
        audit.AssertClean();

        await ExpectVerifiedAsync(code, teacher.DisplayName, course.Title, passedOn, language);
        await ExpectOnRosterAsync(supervisor, teacher.DisplayName, certificate);
    }

    /// <summary>Anyone, not signed in, checks the code: the name, the course and the date, in their own language; a made-up code is not found.</summary>
    private async Task ExpectVerifiedAsync(string code, string name, string courseTitle, string passedOn, string language)
    {
        await using var visitor = await browser.OpenAsync(server, new() { Locale = language == "es" ? "es-MX" : "en-US" });
        var page = await visitor.NewPageAsync();
        var response = await page.GotoAsync(server.Url($"/verify/{code}"));
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("main h2")).ToHaveTextAsync(L(language, "Verify.Valid"));
        var facts = page.Locator("main dl.summary");
        await Expect(facts.Locator("dt")).ToHaveTextAsync([L(language, "Verify.Name"), L(language, "Verify.Course"), L(language, "Verify.Date")]);
        await Expect(facts.Locator("dd")).ToHaveTextAsync([name, courseTitle, passedOn]);

        // The page passes axe, and so does its answer to a code Beacon never issued (not found).
        var audit = new AxeAudit(server, output.WriteLine);
        await audit.CheckAsync(visitor, page, "a certificate's check", $"/verify/{code}", language);
        await audit.CheckAsync(visitor, page, "a code Beacon did not issue", "/verify/0000-0000-0000-0000", language, expectedStatus: 404);
        await Expect(page.Locator("main [role=alert] h2")).ToHaveTextAsync(L(language, "Verify.NotFound"));
        audit.AssertClean();
    }

    /// <summary>The teacher's supervisor opens the agency's roster (in English): the teacher has passed the course, on that date.</summary>
    private async Task ExpectOnRosterAsync(StaffUser supervisor, string teacherName, TrainingCertificate certificate)
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, supervisor);
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("en", "Staff.TrainingRoster"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/training/roster"));

        var headers = await page.Locator("main table.roster thead th").AllInnerTextsAsync();
        var column = headers.Select(h => h.Trim()).ToList().IndexOf(server.Course("en", DutyToReport).Title);
        Assert.True(column > 0, $"The roster has no column for the course; its columns are: {string.Join(" | ", headers)}.");
        var row = page.Locator("main table.roster tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = teacherName }) });
        await Expect(row).ToHaveCountAsync(1);
        var cell = row.Locator("td").Nth(column - 1);
        await Expect(cell.Locator("strong")).ToHaveTextAsync(L("en", "State.Current"));
        var en = new CultureInfo("en");
        await Expect(cell).ToContainTextAsync(L("en", "Roster.PassedOn", LocalTime.LongDate(certificate.PassedUtc, en)));
        await Expect(cell).ToContainTextAsync(L("en", "Roster.RenewBy", LocalTime.LongDate(await server.RenewByAsync(certificate), en)));

        // The roster shows the pass; the certificate itself is the teacher's own: not found for anyone else.
        var other = await page.Context.APIRequest.GetAsync(server.Url($"/training/certificates/{certificate.Id}"));
        Assert.Equal(404, other.Status);
    }

    /// <summary>
    /// The right answers of one question, with the keyboard: each right checkbox reached by Tab and ticked with
    /// Space; a radio group entered by Tab on its first radio (none is chosen yet), which Space chooses, or
    /// ArrowDown moves on to the right one. The form then shows exactly those answers chosen.
    /// </summary>
    private static async Task AnswerByKeyboardAsync(IPage page, ShownQuestion question, IReadOnlySet<string> right)
    {
        if (question.MultiSelect)
        {
            foreach (var answer in question.AnswerIds.Where(right.Contains))
            {
                await page.TabToAsync(question.Input(answer));
                await page.Keyboard.PressAsync("Space");
            }
        }
        else
        {
            await page.TabToAsync(question.Input(question.AnswerIds[0]));
            var at = question.AnswerIds.ToList().IndexOf(right.Single());
            if (at == 0)
            {
                await page.Keyboard.PressAsync("Space");
            }

            for (var i = 0; i < at; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
        }

        foreach (var answer in question.AnswerIds)
        {
            var input = Expect(page.Locator(question.Input(answer)));
            await (right.Contains(answer) ? input.ToBeCheckedAsync() : input.Not.ToBeCheckedAsync());
        }
    }

    /// <summary>The header's language switch, by keyboard, when the language wanted is not English: back on the staff home.</summary>
    private async Task ChooseLanguageByKeyboardAsync(IPage page, string language)
    {
        if (language != "en")
        {
            await page.TabToAsync(".language-switch button");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>A string of the training pages; in Spanish it must differ from the English, so a missing translation is noticed.</summary>
    private string L(string language, string key, params object[] arguments) => server.Translated<TrainingResource>(language, key, arguments);

    /// <summary>A verification code as printed: four groups of four of Crockford's base32.</summary>
    [GeneratedRegex("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")]
    private static partial Regex CertificateCodeText();
}
