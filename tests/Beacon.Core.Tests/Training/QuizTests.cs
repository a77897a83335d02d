using Beacon.Core.Training;

namespace Beacon.Core.Tests.Training;

public sealed class QuizTests
{
    private static QuizAnswer Answer(string id, bool correct) => new(id, id, correct, "feedback", "intro", null);

    private static Course Course(int questions, int perAttempt, int passMark = Beacon.Core.Training.Course.DefaultPassMark, bool multi = false) =>
        new("basics", "en", "Basics", "", 1, true, passMark, perAttempt, [], [],
            Enumerable.Range(1, questions).Select(i => new QuizQuestion($"q{i}", $"Q{i}", multi,
                [Answer("a", true), Answer("b", multi), Answer("c", false), Answer("d", false)])).ToList());

    private static Dictionary<string, IReadOnlySet<string>> Answers(QuizDraw draw, int right) =>
        draw.Questions.Select((q, i) => (q.QuestionId, (IReadOnlySet<string>)new HashSet<string> { i < right ? "a" : "c" }))
            .ToDictionary(x => x.QuestionId, x => x.Item2);

    [Theory]
    [InlineData(10, 8, true)]   // exactly 80%
    [InlineData(10, 7, false)]
    [InlineData(8, 7, true)]    // 87.5%
    [InlineData(8, 6, false)]   // 75%: 6.4 would be needed
    [InlineData(5, 4, true)]
    public void Mark_AtTheBoundary_PassesOnlyAtOrAboveThePassMark(int total, int right, bool passes)
    {
        var course = Course(total, total);
        var draw = Quiz.Draw(course, new Random(1));

        var result = Quiz.Mark(course, draw, Answers(draw, right));

        Assert.Equal((right, total, passes), (result.Correct, result.Total, result.Passed));
    }

    [Fact]
    public void Mark_PassMarkOfTheCourse_IsUsed()
    {
        var course = Course(10, 10, passMark: 70);
        var draw = Quiz.Draw(course, new Random(2));

        Assert.True(Quiz.Mark(course, draw, Answers(draw, 7)).Passed);
        Assert.False(Quiz.Mark(course, draw, Answers(draw, 6)).Passed);
    }

    [Fact]
    public void Mark_MultiSelect_IsRightOnlyWithExactlyTheCorrectAnswers()
    {
        var course = Course(1, 1, multi: true);
        var draw = Quiz.Draw(course, new Random(3));
        IReadOnlySet<string> Pick(params string[] ids) => ids.ToHashSet();

        Assert.True(Quiz.Mark(course, draw, new Dictionary<string, IReadOnlySet<string>> { ["q1"] = Pick("a", "b") }).Passed);
        Assert.False(Quiz.Mark(course, draw, new Dictionary<string, IReadOnlySet<string>> { ["q1"] = Pick("a") }).Passed);
        Assert.False(Quiz.Mark(course, draw, new Dictionary<string, IReadOnlySet<string>> { ["q1"] = Pick("a", "b", "c") }).Passed);
    }

    [Fact]
    public void Mark_SingleAnswerQuestionWithAWrongAnswerAdded_IsWrong()
    {
        var course = Course(1, 1);
        var draw = Quiz.Draw(course, new Random(4));

        var result = Quiz.Mark(course, draw, new Dictionary<string, IReadOnlySet<string>> { ["q1"] = new HashSet<string> { "a", "c" } });

        Assert.False(result.Questions[0].Right);
    }

    [Fact]
    public void Draw_TakesDistinctQuestionsAndShufflesQuestionsAndAnswers()
    {
        var course = Course(15, 10);
        var draws = Enumerable.Range(0, 20).Select(seed => Quiz.Draw(course, new Random(seed))).ToList();

        Assert.All(draws, d => Assert.True(Quiz.Fits(course, d)));
        Assert.True(draws.Select(d => string.Join(',', d.Questions.Select(q => q.QuestionId))).Distinct().Count() > 15);
        Assert.True(draws.SelectMany(d => d.Questions).Select(q => q.AnswerOrder[0]).Distinct().Count() == 4);
    }

    [Fact]
    public void Fits_DrawThatNoLongerMatchesTheCourse_IsRefused()
    {
        var course = Course(5, 3);
        var draw = Quiz.Draw(course, new Random(5));

        Assert.False(Quiz.Fits(course with { QuestionsPerAttempt = 4 }, draw));
        Assert.False(Quiz.Fits(course, draw with { Questions = [draw.Questions[0], draw.Questions[0], draw.Questions[1]] }));
        Assert.False(Quiz.Fits(course, draw with { Questions = [draw.Questions[0] with { AnswerOrder = ["a", "b", "c"] }, draw.Questions[1], draw.Questions[2]] }));
        Assert.False(Quiz.Fits(course, draw with { CourseSlug = "other" }));
    }

    [Fact]
    public void Unanswered_ListsThePositionsWithNoAnswerOfTheirOwn()
    {
        var course = Course(3, 3);
        var draw = Quiz.Draw(course, new Random(6));
        var chosen = new Dictionary<string, IReadOnlySet<string>>
        {
            [draw.Questions[0].QuestionId] = new HashSet<string> { "a" },
            [draw.Questions[2].QuestionId] = new HashSet<string> { "zz" },
        };

        Assert.Equal([1, 2], Quiz.Unanswered(draw, chosen));
    }
}
