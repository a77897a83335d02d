using Beacon.Core.Catalog;
using Beacon.Core.Content;

namespace Beacon.Core.Training;

public static partial class TrainingLoader
{
    private static void CheckLessons(LoadedCourse loaded, ContentLibrary learn, IndicatorCatalog catalog, List<string> problems)
    {
        var course = loaded.Course;
        var own = $"/training/{course.Slug}/";
        foreach (var lesson in loaded.Lessons)
        {
            ContentLoader.CheckLinkedPage(lesson, $"{course.Language}/{course.Slug}/{lesson.Page.Slug}.md", learn, catalog,
                path => path.StartsWith(own, StringComparison.Ordinal) ? course.Lesson(path[own.Length..]) : null,
                AppPaths, problems);
        }

        foreach (var duplicate in course.Lessons.GroupBy(l => l.Order).Where(g => g.Count() > 1))
        {
            problems.Add($"{course.Language}/{course.Slug}/: lessons {string.Join(", ", duplicate.Select(l => l.Slug))} share order {duplicate.Key}");
        }
    }

    private static void CheckQuiz(Course course, string name, List<string> problems)
    {
        if (course.Questions.Count < course.QuestionsPerAttempt)
        {
            problems.Add($"{name}: the bank holds {course.Questions.Count} questions; each attempt draws {course.QuestionsPerAttempt}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in course.Questions)
        {
            var q = $"{name}: question '{question.Id}'";
            if (!ContentLoader.IsSlug(question.Id) || !ids.Add(question.Id))
            {
                problems.Add($"{q}: needs a kebab-case id used once in the course");
            }

            if (string.IsNullOrWhiteSpace(question.Text))
            {
                problems.Add($"{q}: has no text");
            }

            CheckAnswers(course, question, q, problems);
        }

        var cited = course.Questions.SelectMany(q => q.Answers).Select(a => a.CitesLesson).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(course.Lessons.Where(l => !cited.Contains(l.Slug))
            .Select(l => $"{name}: no answer cites the lesson '{l.Slug}'"));
    }

    private static void CheckAnswers(Course course, QuizQuestion question, string q, List<string> problems)
    {
        if (question.Answers.Count < 2)
        {
            problems.Add($"{q}: needs at least two answers");
        }

        var correct = question.Answers.Count(a => a.Correct);
        if (!question.MultiSelect && correct != 1)
        {
            problems.Add($"{q}: has {correct} correct answers; exactly one, unless marked multiSelect");
        }
        else if (question.MultiSelect && (correct == 0 || correct == question.Answers.Count))
        {
            problems.Add($"{q}: a multi-select question needs at least one correct and one wrong answer");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in question.Answers)
        {
            var a = $"{q}, answer '{answer.Id}'";
            if (!ContentLoader.IsSlug(answer.Id) || !ids.Add(answer.Id))
            {
                problems.Add($"{a}: needs a kebab-case id used once in the question");
            }

            if (string.IsNullOrWhiteSpace(answer.Text) || string.IsNullOrWhiteSpace(answer.Feedback))
            {
                problems.Add($"{a}: needs text and feedback");
            }

            var lesson = course.Lesson(answer.CitesLesson);
            if (lesson is null)
            {
                problems.Add($"{a}: cites '{answer.CitesLesson}', which is not a lesson of this course");
            }
            else if (answer.CitesAnchor is { } anchor && !lesson.Anchors.Contains(anchor))
            {
                problems.Add($"{a}: cites '#{anchor}', which is not an anchor in the lesson '{lesson.Slug}'");
            }
        }
    }

    private static void CheckTwins(IReadOnlyList<Course> courses, List<string> problems)
    {
        foreach (var course in courses)
        {
            var other = course.Language == "en" ? "es" : "en";
            var twin = courses.FirstOrDefault(c => c.Language == other && c.Slug == course.Slug);
            var name = $"{course.Language}/{course.Slug}";
            if (twin is null)
            {
                problems.Add($"{name}/: no {(other == "es" ? "Spanish" : "English")} twin ({other}/{course.Slug}/)");
            }
            else if (course.Language == "en")
            {
                CompareTwins(course, twin, name, problems); // each pair once, from the English side
            }
        }
    }

    private static void CompareTwins(Course en, Course es, string name, List<string> problems)
    {
        if (en.Order != es.Order || en.IsPublic != es.IsPublic || en.PassMark != es.PassMark
            || en.QuestionsPerAttempt != es.QuestionsPerAttempt || !en.RequiredFor.ToHashSet().SetEquals(es.RequiredFor))
        {
            problems.Add($"{name}/{CourseFile}: order, public, passMark, questionsPerAttempt or requiredFor differ from its Spanish twin");
        }

        foreach (var lesson in en.Lessons)
        {
            var twin = es.Lesson(lesson.Slug);
            if (twin is null)
            {
                problems.Add($"{name}/{lesson.Slug}.md: no Spanish twin (es/{en.Slug}/{lesson.Slug}.md)");
            }
            else if (twin.Order != lesson.Order || !twin.Anchors.SetEquals(lesson.Anchors)
                || !twin.Sources.Select(s => s.Id).ToHashSet().SetEquals(lesson.Sources.Select(s => s.Id))
                || !twin.CatalogIds.ToHashSet().SetEquals(lesson.CatalogIds))
            {
                problems.Add($"{name}/{lesson.Slug}.md: order, anchors, sources or catalog IDs differ from its Spanish twin");
            }
        }

        problems.AddRange(es.Lessons.Where(l => en.Lesson(l.Slug) is null)
            .Select(l => $"es/{en.Slug}/{l.Slug}.md: no English twin (en/{en.Slug}/{l.Slug}.md)"));
        foreach (var question in en.Questions)
        {
            var twin = es.Question(question.Id);
            if (twin is null)
            {
                problems.Add($"{name}/{QuizFile}: question '{question.Id}' has no Spanish twin");
            }
            else if (!SameShape(question, twin))
            {
                problems.Add($"{name}/{QuizFile}: question '{question.Id}' differs from its Spanish twin in its answers, correct answers, multiSelect or cites");
            }
        }

        problems.AddRange(es.Questions.Where(q => en.Question(q.Id) is null)
            .Select(q => $"es/{en.Slug}/{QuizFile}: question '{q.Id}' has no English twin"));
    }

    private static bool SameShape(QuizQuestion a, QuizQuestion b) =>
        a.MultiSelect == b.MultiSelect
        && a.Answers.Count == b.Answers.Count
        && a.Answers.All(x => b.Answer(x.Id) is { } y && y.Correct == x.Correct && y.CitesLesson == x.CitesLesson && y.CitesAnchor == x.CitesAnchor);
}
