using Beacon.Core.Accounts;
using Beacon.Core.Catalog;
using Beacon.Core.Content;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Beacon.Core.Training;

/// <summary>
/// Loads <c>content/training/{en,es}/&lt;course&gt;/</c> (course.yaml, lessons, quiz.yaml) and checks it:
/// lessons as Learn pages are checked, quiz answers that each cite a lesson, one correct answer unless
/// multi-select, and Spanish twins that agree on everything but the words (content/training/README.md).
/// </summary>
public static partial class TrainingLoader
{
    public const string CourseFile = "course.yaml", QuizFile = "quiz.yaml";

    /// <summary>Names a lesson may not take: they are the course's own pages.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "quiz", "certificate" };

    /// <summary>Names a course may not take: they are the training section's own pages.</summary>
    public static readonly IReadOnlySet<string> ReservedCourseNames = new HashSet<string>(StringComparer.Ordinal) { "roster", "certificates" };

    /// <summary>The app pages a lesson may link to: the Learn pages' list and the staff pages the courses explain.</summary>
    public static readonly IReadOnlySet<string> AppPaths =
        new HashSet<string>(ContentLoader.AppPaths.Concat(["/screening", "/reports", "/training"]), StringComparer.Ordinal);

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static TrainingLibrary Load(string trainingFolder, ContentLibrary learn, IndicatorCatalog catalog)
    {
        var problems = new List<string>();
        var loaded = new List<LoadedCourse>();
        foreach (var language in ContentLoader.Languages)
        {
            var folder = Path.Combine(trainingFolder, language);
            if (!Directory.Exists(folder))
            {
                problems.Add($"{language}/: folder missing");
                continue;
            }

            foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                if (LoadCourse(dir, language, problems) is { } course)
                {
                    loaded.Add(course);
                }
            }
        }

        foreach (var course in loaded)
        {
            CheckLessons(course, learn, catalog, problems);
            CheckQuiz(course.Course, $"{course.Course.Language}/{course.Course.Slug}/{QuizFile}", problems);
        }

        CheckTwins(loaded.Select(c => c.Course).ToList(), problems);
        return new TrainingLibrary(loaded.Select(c => c.Course).ToList(), problems);
    }

    private sealed record LoadedCourse(Course Course, IReadOnlyList<ContentLoader.ParsedPage> Lessons);

    private static LoadedCourse? LoadCourse(string dir, string language, List<string> problems)
    {
        var slug = Path.GetFileName(dir);
        var prefix = $"{language}/{slug}";
        if (!ContentLoader.IsSlug(slug) || ReservedCourseNames.Contains(slug))
        {
            problems.Add($"{prefix}/: folder name must be kebab-case and not {string.Join(" or ", ReservedCourseNames)}");
            return null;
        }

        var meta = ReadYaml<CourseDto>(Path.Combine(dir, CourseFile), $"{prefix}/{CourseFile}", problems);
        if (meta is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(meta.Title) || string.IsNullOrWhiteSpace(meta.Summary) || meta.Summary.Length > 300)
        {
            problems.Add($"{prefix}/{CourseFile}: needs a title and a summary of at most 300 characters");
        }

        var passMark = meta.PassMark ?? Course.DefaultPassMark;
        if (passMark is < 1 or > 100)
        {
            problems.Add($"{prefix}/{CourseFile}: passMark must be between 1 and 100");
        }

        if (meta.QuestionsPerAttempt < 1)
        {
            problems.Add($"{prefix}/{CourseFile}: questionsPerAttempt must be at least 1");
        }

        var required = meta.RequiredFor ?? [];
        problems.AddRange(required.Where(r => !Roles.IsKnown(r)).Select(r => $"{prefix}/{CourseFile}: requiredFor names '{r}', which is not a role"));

        var lessons = new List<ContentLoader.ParsedPage>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (ReservedNames.Contains(name))
            {
                problems.Add($"{prefix}/{name}.md: '{name}' is reserved for the course's own page");
                continue;
            }

            if (ContentLoader.ParsePage(name, language, File.ReadAllText(file), $"{prefix}/{name}.md", problems) is { } lesson)
            {
                lessons.Add(lesson);
            }
        }

        if (lessons.Count == 0)
        {
            problems.Add($"{prefix}/: a course needs at least one lesson");
        }

        var questions = ReadQuestions(Path.Combine(dir, QuizFile), $"{prefix}/{QuizFile}", problems);
        var course = new Course(slug, language, meta.Title?.Trim() ?? slug, meta.Summary?.Trim() ?? "", meta.Order, meta.Public,
            passMark, meta.QuestionsPerAttempt, required, lessons.Select(l => l.Page).OrderBy(l => l.Order).ThenBy(l => l.Slug, StringComparer.Ordinal).ToList(),
            questions);
        return new LoadedCourse(course, lessons);
    }

    private static List<QuizQuestion> ReadQuestions(string file, string name, List<string> problems)
    {
        var quiz = ReadYaml<QuizDto>(file, name, problems);
        var questions = new List<QuizQuestion>();
        foreach (var q in quiz?.Questions ?? [])
        {
            var answers = (q.Answers ?? []).Select(a =>
            {
                var cites = a.Cites ?? "";
                var hash = cites.IndexOf('#', StringComparison.Ordinal);
                return new QuizAnswer(a.Id ?? "", a.Text?.Trim() ?? "", a.Correct, a.Feedback?.Trim() ?? "",
                    hash < 0 ? cites : cites[..hash], hash < 0 ? null : cites[(hash + 1)..]);
            }).ToList();
            questions.Add(new QuizQuestion(q.Id ?? "", q.Text?.Trim() ?? "", q.MultiSelect, answers));
        }

        return questions;
    }

    private static T? ReadYaml<T>(string file, string name, List<string> problems) where T : class
    {
        if (!File.Exists(file))
        {
            problems.Add($"{name}: file missing");
            return null;
        }

        try
        {
            var value = Yaml.Deserialize<T>(File.ReadAllText(file));
            if (value is null)
            {
                problems.Add($"{name}: file is empty");
            }

            return value;
        }
        catch (YamlException ex)
        {
            problems.Add($"{name}: not valid ({ex.Message})");
            return null;
        }
    }

    private sealed class CourseDto
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public int Order { get; set; }
        public bool Public { get; set; }
        public int? PassMark { get; set; }
        public int QuestionsPerAttempt { get; set; }
        public List<string>? RequiredFor { get; set; }
    }

    private sealed class QuizDto
    {
        public List<QuestionDto>? Questions { get; set; }
    }

    private sealed class QuestionDto
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public bool MultiSelect { get; set; }
        public List<AnswerDto>? Answers { get; set; }
    }

    private sealed class AnswerDto
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public bool Correct { get; set; }
        public string? Feedback { get; set; }
        public string? Cites { get; set; }
    }
}
