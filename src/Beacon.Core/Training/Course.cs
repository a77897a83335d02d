using Beacon.Core.Content;

namespace Beacon.Core.Training;

/// <summary>One answer of a quiz question, with the feedback shown after the attempt and the lesson it cites.</summary>
public sealed record QuizAnswer(string Id, string Text, bool Correct, string Feedback, string CitesLesson, string? CitesAnchor);

/// <summary>A question of a course's bank. Exactly one answer is correct unless <see cref="MultiSelect"/>.</summary>
public sealed record QuizQuestion(string Id, string Text, bool MultiSelect, IReadOnlyList<QuizAnswer> Answers)
{
    public QuizAnswer? Answer(string id) => Answers.FirstOrDefault(a => a.Id == id);

    public IReadOnlySet<string> CorrectIds { get; } = Answers.Where(a => a.Correct).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// A course in one language: lessons written like Learn pages, and a question bank from which each
/// attempt draws <see cref="QuestionsPerAttempt"/> questions.
/// </summary>
public sealed record Course(
    string Slug,
    string Language,
    string Title,
    string Summary,
    int Order,
    bool IsPublic,
    int PassMark,
    int QuestionsPerAttempt,
    IReadOnlyList<string> RequiredFor,
    IReadOnlyList<LearnPage> Lessons,
    IReadOnlyList<QuizQuestion> Questions)
{
    public const int DefaultPassMark = 80;

    public LearnPage? Lesson(string slug) => Lessons.FirstOrDefault(l => l.Slug == slug);

    public QuizQuestion? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);
}

/// <summary>Every course in both languages, and what is wrong with them (empty when all is well).</summary>
public sealed class TrainingLibrary(IReadOnlyList<Course> courses, IReadOnlyList<string> problems)
{
    public IReadOnlyList<Course> Courses { get; } = courses;

    /// <summary>Each problem names the file and what is wrong, e.g. "es/csec-basics/quiz.yaml: question 'x' has no Spanish twin".</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    public IReadOnlyList<Course> InLanguage(string language) =>
        Courses.Where(c => c.Language == language).OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();

    public Course? Find(string language, string slug) =>
        Courses.FirstOrDefault(c => c.Language == language && c.Slug == slug);

    /// <summary>The course slugs in order (the same in both languages once the content is valid).</summary>
    public IReadOnlyList<string> Slugs => InLanguage("en").Select(c => c.Slug).ToList();
}
