using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Cases.Queues;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Training;

/// <summary>
/// A staff member takes a course's quiz through the real pages: a pass stores the attempt and issues a
/// certificate whose PDF and /verify page say who, which course and when; a fail stores the score only; a
/// retake draws again; a form sent twice is marked once; a missing answer sends the form back with nothing saved.
/// </summary>
[Trait("Category", "Data")]
public sealed class QuizFlowTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private Task<(TestUser User, HttpClient Client)> TeacherAsync(string name = "Test User") =>
        factory.NamedStaffAsync("placer", "Rocklin Unified", name, Roles.Reporter);

    [Fact]
    public async Task Pass_IssuesACertificate_WhosePdfAndVerifyPageSayWhoWhatAndWhen()
    {
        var (teacher, client) = await TeacherAsync("Ana Torres");

        var result = await client.TakeQuizAsync(factory, TrainingKit.DutyToReport, right: 10);

        Assert.Contains("You passed", result, StringComparison.Ordinal);
        var code = TrainingKit.CertificateCode(result)!;
        var certificate = await factory.QueryAsync(db => db.TrainingCertificates.SingleAsync(c => c.UserId == teacher.Id));
        Assert.Equal((code, "Ana Torres", TrainingKit.DutyToReport), (certificate.Code, certificate.LearnerName, certificate.CourseSlug));
        var pdf = await client.GetAsync($"/training/certificates/{certificate.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).All;
        var date = Beacon.Web.Infrastructure.LocalTime.LongDate(certificate.PassedUtc, new System.Globalization.CultureInfo("en-US"));
        Assert.All(new[] { "Ana Torres", "Your duty to report (California)", date, code, $"/verify/{code}" },
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));

        var visitor = factory.CreateBrowserLikeClient();
        var verified = await visitor.GetStringAsync($"/verify/{code}");
        Assert.All(new[] { "Ana Torres", "Your duty to report (California)", date }, expected => Assert.Contains(expected, verified, StringComparison.Ordinal));
        Assert.DoesNotContain(teacher.Email, verified, StringComparison.Ordinal);
        Assert.DoesNotContain("Rocklin", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ForgedOrMistypedCode_IsRefused()
    {
        var (_, client) = await TeacherAsync();
        var code = TrainingKit.CertificateCode(await client.TakeQuizAsync(factory, TrainingKit.DutyToReport, right: 10))!;
        var visitor = factory.CreateBrowserLikeClient();
        // One character changed is a code Beacon never issued.
        var forged = code[..^1] + (code[^1] == '0' ? '1' : '0');

        var refused = await visitor.GetAsync($"/verify/{forged}");
        var malformed = await visitor.GetStringAsync("/verify?code=not-a-code");
        var typedLoosely = await visitor.GetAsync($"/verify?code={code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("No certificate has this code", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter the code as printed on the certificate", malformed, StringComparison.Ordinal);
        Assert.Equal($"/verify/{code}", typedLoosely.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Fail_StoresTheScoreWithoutACertificate_AndARetakeDrawsAgainAndCanPass()
    {
        var (teacher, client) = await TeacherAsync();
        var first = await client.OpenQuizAsync(TrainingKit.DutyToReport);

        var failed = await client.SubmitAsync(TrainingKit.DutyToReport, first, TrainingKit.Answers(factory.Course(TrainingKit.DutyToReport), first, right: 7));
        var retake = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        var passed = await client.SubmitAsync(TrainingKit.DutyToReport, retake, TrainingKit.Answers(factory.Course(TrainingKit.DutyToReport), retake, right: 8));

        Assert.Contains("Not passed this time", failed, StringComparison.Ordinal);
        Assert.Contains("You answered 7 of 10 questions right (70%)", failed, StringComparison.Ordinal);
        Assert.Null(TrainingKit.CertificateCode(failed));
        Assert.Contains("You passed", passed, StringComparison.Ordinal);
        Assert.NotEqual(first.Token, retake.Token);
        var attempts = await factory.QueryAsync(db => db.QuizAttempts.Where(a => a.UserId == teacher.Id).OrderBy(a => a.SubmittedUtc).ToListAsync());
        Assert.Equal([(7, false), (8, true)], attempts.Select(a => (a.Correct, a.Passed)));
        Assert.Equal(1, await factory.QueryAsync(db => db.TrainingCertificates.CountAsync(c => c.UserId == teacher.Id)));
    }

    [Fact]
    public async Task Result_ShowsFeedbackOnEveryAnswerWithTheLessonItCites()
    {
        var (_, client) = await TeacherAsync();
        var course = factory.Course(TrainingKit.DutyToReport);
        var form = await client.OpenQuizAsync(TrainingKit.DutyToReport);

        var result = await client.SubmitAsync(TrainingKit.DutyToReport, form, TrainingKit.Answers(course, form, right: 5));
        var text = WebUtility.HtmlDecode(result);

        foreach (var answer in form.QuestionIds.SelectMany(id => course.Question(id)!.Answers))
        {
            Assert.Contains(answer.Feedback, text, StringComparison.Ordinal);
            var link = $"/training/{course.Slug}/{answer.CitesLesson}{(answer.CitesAnchor is null ? "" : "#" + answer.CitesAnchor)}";
            Assert.Contains($"href=\"{link}\"", result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SameFormSentTwice_IsMarkedOnce()
    {
        var (teacher, client) = await TeacherAsync();
        var form = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        var answers = TrainingKit.Answers(factory.Course(TrainingKit.DutyToReport), form, right: 10);

        await client.SubmitAsync(TrainingKit.DutyToReport, form, answers);
        var again = await client.SubmitAsync(TrainingKit.DutyToReport, form, answers);

        Assert.Contains("This quiz was already marked", again, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == teacher.Id)));
        Assert.Equal(1, await factory.QueryAsync(db => db.TrainingCertificates.CountAsync(c => c.UserId == teacher.Id)));
    }

    [Fact]
    public async Task MissingAnswer_SendsTheFormBackWithChoicesKeptAndNothingSaved()
    {
        var (teacher, client) = await TeacherAsync();
        var form = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        var answers = TrainingKit.Answers(factory.Course(TrainingKit.DutyToReport), form, right: 9, skip: 1);

        var page = await client.SubmitAsync(TrainingKit.DutyToReport, form, answers);

        Assert.Contains($"href=\"#q-{form.QuestionIds[^1]}\">Question 10: choose an answer", page, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Matches($"name=\"{a.Key}\" value=\"{a.Value}\" checked", page));
        Assert.Equal(form.Token, TrainingKit.Read(page).Token);
        Assert.Equal(0, await factory.QueryAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == teacher.Id)));
    }

    [Fact]
    public async Task FormDrawnForSomeoneElseOrAltered_IsDrawnAgainAndNothingMarked()
    {
        var (_, owner) = await TeacherAsync();
        var (other, client) = await TeacherAsync();
        var form = await owner.OpenQuizAsync(TrainingKit.DutyToReport);
        var own = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        var answers = TrainingKit.Answers(factory.Course(TrainingKit.DutyToReport), form, right: 10);

        var stolen = await client.SubmitAsync(TrainingKit.DutyToReport, form with { Antiforgery = own.Antiforgery }, answers);
        var altered = await client.SubmitAsync(TrainingKit.DutyToReport, own with { Token = own.Token[..^4] + "AAAA" }, answers);

        Assert.All(new[] { stolen, altered }, page => Assert.Contains("That quiz had expired or changed", page, StringComparison.Ordinal));
        Assert.Equal(0, await factory.QueryAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == other.Id)));
    }

    [Fact]
    public async Task Certificate_OfSomeoneElse_IsNotFound()
    {
        var (owner, client) = await TeacherAsync();
        await client.TakeQuizAsync(factory, TrainingKit.DutyToReport, right: 10);
        var id = await factory.QueryAsync(db => db.TrainingCertificates.Where(c => c.UserId == owner.Id).Select(c => c.Id).SingleAsync());
        var (_, colleague) = await TeacherAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/training/certificates/{id}")).StatusCode);
    }

    [Fact]
    public async Task Visitor_TakesAPublicCourseWithNothingStored_ButIsSentToSignInForAStaffCourse()
    {
        var visitor = factory.CreateBrowserLikeClient();
        var before = await factory.QueryAsync(db => db.QuizAttempts.CountAsync());

        var result = await visitor.TakeQuizAsync(factory, TrainingKit.Basics, right: 10);
        var lesson = await visitor.GetAsync($"/training/{TrainingKit.DutyToReport}/your-duty");
        var quiz = await visitor.GetAsync($"/training/{TrainingKit.DutyToReport}/quiz");

        Assert.Contains("You passed", result, StringComparison.Ordinal);
        Assert.Contains("Certificates are for staff", result, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.QuizAttempts.CountAsync()));
        Assert.All(new[] { lesson, quiz }, r => Assert.Contains("/account/sign-in", r.Headers.Location?.OriginalString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spanish_CourseAndQuiz_AreInSpanish()
    {
        var (_, client) = await TeacherAsync();
        await client.GetAsync("/language?lang=es&returnUrl=/");
        var course = factory.Course(TrainingKit.DutyToReport, "es");

        var page = await client.GetStringAsync($"/training/{TrainingKit.DutyToReport}");
        var form = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        var result = await client.SubmitAsync(TrainingKit.DutyToReport, form, TrainingKit.Answers(course, form, right: 10));

        Assert.Contains(course.Title, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains(course.Question(form.QuestionIds[0])!.Text, WebUtility.HtmlDecode(form.Html), StringComparison.Ordinal);
        Assert.Contains("Aprobó", WebUtility.HtmlDecode(result), StringComparison.Ordinal);
    }
}
