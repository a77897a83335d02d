using Beacon.Core.Training;

namespace Beacon.Core.Tests.Training;

public sealed class TrainingLoaderTests : IDisposable
{
    private readonly TrainingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Load_ValidPair_HasNoProblemsAndReadsTheCourse()
    {
        var library = _files.WriteValidPair().Load();

        Assert.Empty(library.Problems);
        var course = library.Find("es", "basics")!;
        Assert.True(course.IsPublic);
        Assert.Equal(Course.DefaultPassMark, course.PassMark);
        Assert.Equal(2, course.QuestionsPerAttempt);
        Assert.Equal(["one", "two", "three"], course.Questions.Select(q => q.Id));
        var answer = course.Question("one")!.Answer("right")!;
        Assert.Equal(("intro", "point"), (answer.CitesLesson, answer.CitesAnchor));
        Assert.Null(course.Question("one")!.Answer("wrong")!.CitesAnchor);
    }

    [Theory]
    [InlineData("two-correct", "en/basics/quiz.yaml: question 'one': has 2 correct answers; exactly one, unless marked multiSelect")]
    [InlineData("no-feedback", "en/basics/quiz.yaml: question 'one', answer 'extra': needs text and feedback")]
    [InlineData("bad-cite", "en/basics/quiz.yaml: question 'one', answer 'extra': cites 'outro', which is not a lesson of this course")]
    [InlineData("bad-anchor", "en/basics/quiz.yaml: question 'one', answer 'extra': cites '#nowhere', which is not an anchor in the lesson 'intro'")]
    public void Load_BrokenAnswer_NamesTheFileQuestionAndAnswer(string breakage, string expected)
    {
        _files.WriteValidPair();
        var extra = breakage switch
        {
            "two-correct" => "      - id: extra\n        text: \"Also right\"\n        correct: true\n        feedback: \"Yes.\"\n        cites: intro\n",
            "no-feedback" => "      - id: extra\n        text: \"Maybe\"\n        cites: intro\n",
            "bad-cite" => "      - id: extra\n        text: \"Maybe\"\n        feedback: \"No.\"\n        cites: outro\n",
            _ => "      - id: extra\n        text: \"Maybe\"\n        feedback: \"No.\"\n        cites: intro#nowhere\n",
        };
        _files.Write("en", "quiz.yaml", TrainingFiles.Quiz(TrainingFiles.Question("one", extra), TrainingFiles.Question("two"), TrainingFiles.Question("three")));

        Assert.Contains(expected, _files.Load().Problems);
    }

    [Fact]
    public void Load_MultiSelectWithTwoCorrect_IsAcceptedButNotWhenEveryAnswerIsCorrect()
    {
        _files.WriteValidPair();
        var both = "      - id: extra\n        text: \"Also right\"\n        correct: true\n        feedback: \"Yes.\"\n        cites: intro\n";
        foreach (var language in new[] { "en", "es" })
        {
            _files.Write(language, "quiz.yaml", TrainingFiles.Quiz(TrainingFiles.Question("one", both, multi: true), TrainingFiles.Question("two"), TrainingFiles.Question("three")));
        }

        Assert.Empty(_files.Load().Problems);

        var allRight = "quiz.yaml";
        _files.Write("en", allRight, TrainingFiles.Quiz(TrainingFiles.Question("one", both, multi: true).Replace("text: \"Wrong\"", "text: \"Wrong\"\n        correct: true", StringComparison.Ordinal),
            TrainingFiles.Question("two"), TrainingFiles.Question("three")));
        Assert.Contains("en/basics/quiz.yaml: question 'one': a multi-select question needs at least one correct and one wrong answer", _files.Load().Problems);
    }

    [Fact]
    public void Load_SpanishTwinMissingAQuestionOrDifferentCorrectAnswer_IsNamed()
    {
        _files.WriteValidPair();
        _files.Write("es", "quiz.yaml", TrainingFiles.Quiz(
            TrainingFiles.Question("one").Replace("correct: true", "correct: false", StringComparison.Ordinal).Replace("text: \"Wrong\"", "text: \"Wrong\"\n        correct: true", StringComparison.Ordinal),
            TrainingFiles.Question("two")));

        var problems = _files.Load().Problems;

        Assert.Contains("en/basics/quiz.yaml: question 'three' has no Spanish twin", problems);
        Assert.Contains("en/basics/quiz.yaml: question 'one' differs from its Spanish twin in its answers, correct answers, multiSelect or cites", problems);
    }

    [Fact]
    public void Load_CourseOrLessonWithoutTwin_IsNamed()
    {
        _files.WriteValidPair().Write("en", "more.md", TrainingFiles.Lesson("More", "more").Replace("order: 1", "order: 2", StringComparison.Ordinal));
        _files.Write("en", "course.yaml", TrainingFiles.Course(), course: "lonely");

        var problems = _files.Load().Problems;

        Assert.Contains("en/basics/more.md: no Spanish twin (es/basics/more.md)", problems);
        Assert.Contains("en/basics/quiz.yaml: no answer cites the lesson 'more'", problems);
        Assert.Contains("en/lonely/: no Spanish twin (es/lonely/)", problems);
    }

    [Fact]
    public void Load_SmallBankReservedNameBadLinkAndUnknownRole_AreNamed()
    {
        _files.WriteValidPair()
            .Write("en", "course.yaml", TrainingFiles.Course("requiredFor: [Teacher]").Replace("questionsPerAttempt: 2", "questionsPerAttempt: 5", StringComparison.Ordinal))
            .Write("en", "quiz.md", TrainingFiles.Lesson())
            .Write("en", "intro.md", TrainingFiles.Lesson(extra: "See [the next lesson](/training/basics/outro) and [screening](/screening)."));

        var problems = _files.Load().Problems;

        Assert.Contains("en/basics/quiz.yaml: the bank holds 3 questions; each attempt draws 5", problems);
        Assert.Contains("en/basics/quiz.md: 'quiz' is reserved for the course's own page", problems);
        Assert.Contains("en/basics/intro.md: broken link '/training/basics/outro': no such page", problems);
        Assert.Contains("en/basics/course.yaml: requiredFor names 'Teacher', which is not a role", problems);
        Assert.DoesNotContain(problems, p => p.Contains("/screening", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownFieldInQuiz_IsReportedNotIgnored()
    {
        _files.WriteValidPair().Write("en", "quiz.yaml", TrainingFiles.Quiz(TrainingFiles.Question("one").Replace("correct: true", "corect: true", StringComparison.Ordinal)));

        Assert.Contains(_files.Load().Problems, p => p.StartsWith("en/basics/quiz.yaml: not valid", StringComparison.Ordinal));
    }
}
