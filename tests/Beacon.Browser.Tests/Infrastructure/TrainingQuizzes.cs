using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>A question as the quiz form shows it: its id, radios or checkboxes, and its answer ids in the order shown.</summary>
public sealed record ShownQuestion(string Id, bool MultiSelect, IReadOnlyList<string> AnswerIds)
{
    /// <summary>The form field of the question's answers, <c>q-&lt;questionId&gt;</c>.</summary>
    public string Field => "q-" + Id;

    /// <summary>The input of one answer.</summary>
    public string Input(string answerId) => $"main form.quiz input[name='{Field}'][value='{answerId}']";
}

/// <summary>
/// The training quizzes as a learner meets them: the questions a drawn form shows, the right answers read
/// from the course's own <c>quiz.yaml</c> (not from the app's loader, so a loader that mixed them up is noticed),
/// and passes made straight in the database for pages that show a staff member's certificates.
/// </summary>
public static class TrainingQuizzes
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    /// <summary>The course as the app loaded it, for its title and lessons in <paramref name="language"/>.</summary>
    public static Course Course(this BeaconServer server, string language, string slug) =>
        server.Services.GetRequiredService<LearnContent>().Training.Find(language, slug)
        ?? throw new InvalidOperationException($"No course '{slug}' in '{language}'.");

    /// <summary>For each question id of the course's bank, the ids of the answers marked <c>correct: true</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> CorrectAnswers(this BeaconServer server, string language, string slug)
    {
        var root = server.Services.GetRequiredService<IOptions<BeaconOptions>>().Value.ResolveContentPath();
        var file = Path.Combine(root, "training", language, slug, "quiz.yaml");
        var bank = Yaml.Deserialize<QuizFile>(File.ReadAllText(file));
        return bank.Questions.ToDictionary(q => q.Id,
            q => (IReadOnlySet<string>)q.Answers.Where(a => a.Correct).Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The questions of the quiz form on the page, in the order shown.</summary>
    public static async Task<IReadOnlyList<ShownQuestion>> ShownQuestionsAsync(this IPage page)
    {
        var fieldsets = page.Locator("main form.quiz fieldset");
        var shown = new List<ShownQuestion>();
        for (var i = 0; i < await fieldsets.CountAsync(); i++)
        {
            var inputs = fieldsets.Nth(i).Locator("input");
            var name = await inputs.First.GetAttributeAsync("name") ?? throw new InvalidOperationException($"Question {i + 1} has an input with no name.");
            Assert.StartsWith("q-", name, StringComparison.Ordinal);
            var type = await inputs.First.GetAttributeAsync("type");
            var values = await inputs.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
            shown.Add(new ShownQuestion(name["q-".Length..], type == "checkbox", values));
        }

        return shown;
    }

    /// <summary>Ticks the answers <paramref name="choose"/> picks for each question (none: left unanswered); returns them.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AnswerQuizAsync(
        this IPage page, Func<ShownQuestion, int, IEnumerable<string>> choose)
    {
        var chosen = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (question, index) in (await page.ShownQuestionsAsync()).Select((q, i) => (q, i)))
        {
            chosen[question.Id] = choose(question, index).ToList();
            foreach (var answer in chosen[question.Id])
            {
                await page.Locator(question.Input(answer)).CheckAsync();
            }
        }

        return chosen;
    }

    /// <summary>A passed attempt and its certificate for <paramref name="userId"/>, <paramref name="passedUtc"/>; returns the certificate.</summary>
    public static async Task<TrainingCertificate> AddPassAsync(this BeaconServer server, Guid userId, string slug, DateTime passedUtc)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
        var attempt = new QuizAttempt
        {
            Id = Guid.NewGuid(), UserId = userId, CourseSlug = slug, Language = "en", SubmittedUtc = passedUtc, Correct = 9, Total = 10,
            PassMark = 80, Passed = true,
        };
        var certificate = new TrainingCertificate
        {
            UserId = userId, AttemptId = attempt.Id, CourseSlug = slug, LearnerName = name, PassedUtc = passedUtc, Code = CertificateCode.New(),
        };
        db.AddRange(attempt, certificate);
        await db.SaveChangesAsync();
        return certificate;
    }

    /// <summary>The certificate with this verification code, as stored.</summary>
    public static async Task<TrainingCertificate> CertificateAsync(this BeaconServer server, string code)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().TrainingCertificates.AsNoTracking().SingleAsync(c => c.Code == code);
    }

    /// <summary>When a pass must be renewed: its California date plus the renewal period of the learner's county, as it is now.</summary>
    public static async Task<DateOnly> RenewByAsync(this BeaconServer server, TrainingCertificate certificate)
    {
        using var scope = server.Services.CreateScope();
        var months = await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Users.Where(u => u.Id == certificate.UserId)
            .Select(u => u.Agency!.Jurisdiction!.TrainingRenewalMonths).SingleAsync();
        return TrainingStanding.RenewBy(certificate.PassedUtc, months);
    }

    /// <summary>How many quiz attempts the server has stored, for anyone.</summary>
    public static async Task<int> CountQuizAttemptsAsync(this BeaconServer server)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().QuizAttempts.CountAsync();
    }

    // quiz.yaml as content/training/README.md describes it; only what says which answers are right.
    private sealed class QuizFile
    {
        public List<QuestionEntry> Questions { get; set; } = [];
    }

    private sealed class QuestionEntry
    {
        public string Id { get; set; } = "";
        public List<AnswerEntry> Answers { get; set; } = [];
    }

    private sealed class AnswerEntry
    {
        public string Id { get; set; } = "";
        public bool Correct { get; set; }
    }
}
