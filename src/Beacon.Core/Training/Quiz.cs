namespace Beacon.Core.Training;

/// <summary>A question as one attempt shows it: the bank's question and its answers in a shuffled order.</summary>
public sealed record DrawnQuestion(string QuestionId, IReadOnlyList<string> AnswerOrder);

/// <summary>The questions one attempt draws from a course's bank, in the order they are shown.</summary>
public sealed record QuizDraw(string CourseSlug, IReadOnlyList<DrawnQuestion> Questions);

/// <summary>How one question of an attempt was answered; the answers chosen are in the order they were shown.</summary>
public sealed record QuestionResult(QuizQuestion Question, IReadOnlyList<string> AnswerOrder, IReadOnlySet<string> Chosen, bool Right);

/// <summary>
/// A marked attempt. It passes when the share answered right reaches the pass mark, compared in whole
/// numbers (7 of 8 at 80% passes, 6 of 8 does not) so that no rounding decides a boundary.
/// </summary>
public sealed record QuizResult(int Correct, int Total, int PassMark, IReadOnlyList<QuestionResult> Questions)
{
    public bool Passed => Total > 0 && Correct * 100 >= PassMark * Total;

    /// <summary>The score in whole percent, rounded down (shown to the learner; <see cref="Passed"/> does not use it).</summary>
    public int Percent => Total == 0 ? 0 : Correct * 100 / Total;
}

/// <summary>Draws an attempt from a course's bank and marks it.</summary>
public static class Quiz
{
    public static QuizDraw Draw(Course course, Random random)
    {
        var questions = course.Questions.ToArray();
        random.Shuffle(questions);
        return new QuizDraw(course.Slug, questions.Take(course.QuestionsPerAttempt).Select(q =>
        {
            var answers = q.Answers.Select(a => a.Id).ToArray();
            random.Shuffle(answers);
            return new DrawnQuestion(q.Id, answers);
        }).ToList());
    }

    /// <summary>
    /// Whether a draw still fits the course (the content may have changed since it was drawn): the course's
    /// number of distinct questions, each in the bank, each showing exactly its answers.
    /// </summary>
    public static bool Fits(Course course, QuizDraw draw) =>
        draw.CourseSlug == course.Slug
        && draw.Questions.Count == course.QuestionsPerAttempt
        && draw.Questions.Select(q => q.QuestionId).Distinct(StringComparer.Ordinal).Count() == draw.Questions.Count
        && draw.Questions.All(d => course.Question(d.QuestionId) is { } q
            && d.AnswerOrder.Count == q.Answers.Count
            && d.AnswerOrder.ToHashSet(StringComparer.Ordinal).SetEquals(q.Answers.Select(a => a.Id)));

    /// <summary>The positions (from 0) of the drawn questions with no answer chosen among that question's answers.</summary>
    public static IReadOnlyList<int> Unanswered(QuizDraw draw, IReadOnlyDictionary<string, IReadOnlySet<string>> chosen) =>
        draw.Questions.Select((q, i) => (q, i))
            .Where(x => !chosen.TryGetValue(x.q.QuestionId, out var ids) || !ids.Any(x.q.AnswerOrder.Contains))
            .Select(x => x.i).ToList();

    /// <summary>
    /// Marks an attempt that <see cref="Fits"/> the course. A question is right when the answers chosen are
    /// exactly its correct ones (for a single-answer question, the one correct answer); ids that are not
    /// answers of the question are ignored.
    /// </summary>
    public static QuizResult Mark(Course course, QuizDraw draw, IReadOnlyDictionary<string, IReadOnlySet<string>> chosen)
    {
        var results = draw.Questions.Select(d =>
        {
            var question = course.Question(d.QuestionId) ?? throw new ArgumentException($"'{d.QuestionId}' is not in the course", nameof(draw));
            var picked = chosen.TryGetValue(d.QuestionId, out var ids)
                ? ids.Where(d.AnswerOrder.Contains).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            return new QuestionResult(question, d.AnswerOrder, picked, picked.SetEquals(question.CorrectIds));
        }).ToList();
        return new QuizResult(results.Count(r => r.Right), results.Count, course.PassMark, results);
    }
}
