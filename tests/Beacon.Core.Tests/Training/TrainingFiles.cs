using Beacon.Core.Content;
using Beacon.Core.Tests.Screening;
using Beacon.Core.Training;

namespace Beacon.Core.Tests.Training;

/// <summary>A small valid course written to a temporary folder in both languages, with places to break it.</summary>
internal sealed class TrainingFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("beacon-training-").FullName;

    public static string Lesson(string title = "Intro", string anchor = "point", string extra = "") => $$"""
        ---
        title: {{title}}
        summary: A short lesson.
        order: 1
        sources:
          - id: seed-000
            title: "Placer COE infographic"
        ---

        ## The point {#{{anchor}}}

        A child is never to blame ([Placer COE](#src-seed-000)). {{extra}}
        """;

    public static string Course(string extra = "") => $"""
        title: Basics
        summary: The basics.
        order: 1
        public: true
        questionsPerAttempt: 2
        {extra}
        """;

    public static string Question(string id, string answers = "", bool multi = false) => $"""
          - id: {id}
            text: "Question {id}?"
            multiSelect: {(multi ? "true" : "false")}
            answers:
              - id: right
                text: "Right"
                correct: true
                feedback: "Yes."
                cites: intro#point
              - id: wrong
                text: "Wrong"
                feedback: "No."
                cites: intro
        {answers}
        """;

    public static string Quiz(params string[] questions) => "questions:\n" + string.Concat(questions);

    public TrainingFiles Write(string language, string file, string text, string course = "basics")
    {
        var dir = Path.Combine(Root, language, course);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), text);
        return this;
    }

    /// <summary>The same valid course in English and Spanish.</summary>
    public TrainingFiles WriteValidPair()
    {
        foreach (var language in ContentLoader.Languages)
        {
            Write(language, "course.yaml", Course()).Write(language, "intro.md", Lesson())
                .Write(language, "quiz.yaml", Quiz(Question("one"), Question("two"), Question("three")));
        }

        return this;
    }

    public TrainingLibrary Load() => TrainingLoader.Load(Root, new ContentLibrary([], []), TestInstruments.Catalog.Value);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
