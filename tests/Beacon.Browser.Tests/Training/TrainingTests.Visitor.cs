using System.Text.RegularExpressions;
using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Training;

/// <summary>A visitor with no account on the public courses: progress kept in the browser only, and the quiz form's errors.</summary>
public sealed partial class TrainingTests
{
    private const string Basics = "csec-basics";
    private const string Recognising = "recognising-csec";
    private const string ProgressKey = "beacon.training";
    private const string Submit = "main form.quiz button[type=submit]";

    [Fact]
    public async Task Visitor_ReadsALessonAndPassesAPublicQuiz_BrowserKeepsProgressUntilForgottenOrQuickExit()
    {
        const string en = "en";
        var course = server.Course(en, Basics);
        var correct = server.CorrectAnswers(en, Basics);
        var storedBefore = await server.CountQuizAttemptsAsync();
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/training"));
        await Expect(page.Locator("main")).ToContainTextAsync(L(en, "Index.VisitorNote"));
        await page.Locator($"main a[href='/training/{Basics}']").ClickAsync();
        var progress = page.Locator($"main [data-progress-for='{Basics}']");
        var remember = page.GetByRole(AriaRole.Button, new() { Name = L(en, "Progress.Remember"), Exact = true });
        await Expect(page.Locator("#browser-progress")).ToContainTextAsync(L(en, "Progress.Note"));
        await Expect(progress).ToBeHiddenAsync();

        // Nothing is kept until the visitor asks: a lesson read before leaves no trace.
        await page.Locator($"main .lesson-list a[href='/training/{Basics}/{course.Lessons[1].Slug}']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(course.Lessons[1].Title);
        Assert.Null(await StoredProgressAsync(page));
        await page.Locator($"main nav.breadcrumb a[href='/training/{Basics}']").ClickAsync();
        await remember.ClickAsync();
        await Expect(page.Locator("#progress-status")).ToHaveTextAsync(L(en, "Progress.Remembering"));
        await Expect(remember).ToBeHiddenAsync();

        // A lesson read: the course page says so, and marks the lesson.
        var lesson = course.Lessons[0];
        await page.Locator($"main .lesson-list a[href='/training/{Basics}/{lesson.Slug}']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(lesson.Title);
        await page.Locator($"main nav.breadcrumb a[href='/training/{Basics}']").ClickAsync();
        var lessonsRead = L(en, "Progress.Lessons", 1, course.Lessons.Count);
        await Expect(progress).ToHaveTextAsync(lessonsRead);
        await Expect(page.Locator($"main .lesson-list li[data-lesson='{lesson.Slug}'] .read-mark")).ToHaveTextAsync($"({L(en, "Progress.Read")})");
        await Expect(page.Locator("main .lesson-list .read-mark")).ToHaveCountAsync(1);

        // The quiz, every answer right: passed, kept in the browser only (no attempt stored), the result focused.
        await page.Locator($"main a[href='/training/{Basics}/quiz']").ClickAsync();
        await page.AnswerQuizAsync((q, _) => q.AnswerIds.Where(correct[q.Id].Contains));
        await page.Locator(Submit).ClickAsync();
        var result = page.Locator("#quiz-result");
        await Expect(result.Locator("h2")).ToHaveTextAsync(L(en, "Result.Passed"));
        await Expect(result).ToContainTextAsync(L(en, "Result.PassedVisitor"));
        await Expect(result).ToBeFocusedAsync();
        await Expect(result.Locator("a[href^='/training/certificates/']")).ToHaveCountAsync(0);
        Assert.Equal(storedBefore, await server.CountQuizAttemptsAsync());

        // Back on the course page, and on the course list: both facts, as this browser keeps them.
        await result.Locator($"a[href='/training/{Basics}']").ClickAsync();
        var kept = $"{lessonsRead} · {L(en, "Progress.Passed", $"{course.QuestionsPerAttempt}/{course.QuestionsPerAttempt}")}";
        await Expect(progress).ToHaveTextAsync(kept);
        await Expect(page.Locator("#browser-progress")).ToContainTextAsync(L(en, "Progress.Note"));
        await page.Locator("main nav.breadcrumb a[href='/training']").ClickAsync();
        await Expect(progress).ToHaveTextAsync(kept);

        // Forgotten: the words go, the key goes, and a new visit shows nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = L(en, "Progress.Forget"), Exact = true }).ClickAsync();
        await Expect(page.Locator("#progress-status")).ToHaveTextAsync(L(en, "Progress.Forgotten"));
        await Expect(progress).ToBeHiddenAsync();
        Assert.Null(await StoredProgressAsync(page));
        await page.GotoAsync(server.Url($"/training/{Basics}"));
        await Expect(progress).ToBeHiddenAsync();
        await Expect(page.Locator("main .lesson-list .read-mark")).ToHaveCountAsync(0);

        // Remembering again, another lesson read, then the quick exit: it forgets the progress too.
        await remember.ClickAsync();
        await page.Locator($"main .lesson-list a[href='/training/{Basics}/{course.Lessons[1].Slug}']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(course.Lessons[1].Title);
        Assert.Contains(course.Lessons[1].Slug, await StoredProgressAsync(page) ?? "", StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text(en, "QuickExit.Button") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BeaconServer.ExitUrl);
        await page.GotoAsync(server.Url($"/training/{Basics}"));
        Assert.Null(await StoredProgressAsync(page));
        await Expect(progress).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Quiz_WrongAnswersAndOneLeftUnanswered_ErrorSummaryFocusedLinksToItAndEveryChoiceKept()
    {
        const string en = "en";
        const int skipped = 3; // the fourth question
        var course = server.Course(en, Recognising);
        var correct = server.CorrectAnswers(en, Recognising);
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url($"/training/{Recognising}/quiz"));
        var shown = await page.ShownQuestionsAsync();
        var chosen = await page.AnswerQuizAsync((q, i) => i == skipped ? [] : Wrong(q, correct[q.Id]));
        var missing = shown[skipped];

        await page.Locator(Submit).ClickAsync();

        // The summary, focused, names the question and links to its first answer.
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync(server.Text(en, "Validation.SummaryTitle"));
        var message = L(en, "Quiz.Unanswered", skipped + 1);
        var link = summary.Locator("a");
        await Expect(link).ToHaveCountAsync(1);
        await Expect(link).ToHaveTextAsync(message);
        await Expect(link).ToHaveAttributeAsync("href", "#" + missing.Field);
        var fieldset = page.Locator("main form.quiz fieldset").Nth(skipped);
        await Expect(fieldset.Locator($"input#{missing.Field}")).ToHaveAttributeAsync("value", missing.AnswerIds[0]);
        await Expect(fieldset).ToHaveAttributeAsync("aria-describedby", missing.Field + "-error");
        await Expect(fieldset.Locator($"#{missing.Field}-error")).ToHaveTextAsync(message);
        await Expect(page.Locator("main .error-message")).ToHaveCountAsync(1);

        // The same questions in the same order, every choice made still chosen and nothing else.
        Assert.Equal(shown.Select(q => (q.Id, string.Join(',', q.AnswerIds))), (await page.ShownQuestionsAsync()).Select(q => (q.Id, string.Join(',', q.AnswerIds))));
        foreach (var question in shown)
        {
            foreach (var answer in question.AnswerIds)
            {
                var input = Expect(page.Locator(question.Input(answer)));
                await (chosen[question.Id].Contains(answer) ? input.ToBeCheckedAsync() : input.Not.ToBeCheckedAsync());
            }
        }

        // From the summary, the link leads to the question.
        await page.Keyboard.PressAsync("Tab");
        await Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/training/{Recognising}/quiz#{missing.Field}$"));
        await Expect(page.Locator($"#{missing.Field}")).ToBeInViewportAsync();
        await Expect(page.Locator($"#{missing.Field}")).ToBeFocusedAsync();
        // The question itself (the fieldset's legend) is brought into view clear of the quick-exit bar, as in the GOV.UK pattern.
        await Expect(page.Locator($"#{missing.Field}")).ToBeFocusedAsync();
        Assert.True(await fieldset.Locator("legend").EvaluateAsync<bool>(
            "l => l.getBoundingClientRect().top >= document.getElementById('exit-this-page').getBoundingClientRect().bottom"));

        // Answered (wrong) and sent again: marked with every kept choice, so none is right.
        var last = Wrong(missing, correct[missing.Id]);
        foreach (var answer in last)
        {
            await page.Locator(missing.Input(answer)).CheckAsync();
        }

        await page.Locator(Submit).ClickAsync();
        var result = page.Locator("#quiz-result");
        await Expect(result.Locator("h2")).ToHaveTextAsync(L(en, "Result.NotPassed"));
        await Expect(result).ToContainTextAsync(L(en, "Result.Score", 0, shown.Count, 0, course.PassMark));
        await Expect(page.Locator("main ol.quiz-review > li > p.outcome-wrong")).ToHaveCountAsync(shown.Count);
        var yourAnswers = chosen.Values.Sum(c => c.Count) + last.Count;
        await Expect(page.Locator("main ol.quiz-review li li > p:first-child").Filter(new() { HasTextString = L(en, "Result.YourAnswer") }))
            .ToHaveCountAsync(yourAnswers);
    }

    /// <summary>A wrong choice: a radio that is not the right one; for checkboxes every wrong one and one right one (several ticked).</summary>
    private static IReadOnlyList<string> Wrong(ShownQuestion question, IReadOnlySet<string> right) =>
        question.MultiSelect
            ? question.AnswerIds.Where(a => !right.Contains(a) || a == question.AnswerIds.First(right.Contains)).ToList()
            : [question.AnswerIds.First(a => !right.Contains(a))];

    private static Task<string?> StoredProgressAsync(IPage page) =>
        page.EvaluateAsync<string?>($"() => window.localStorage.getItem('{ProgressKey}')");
}
