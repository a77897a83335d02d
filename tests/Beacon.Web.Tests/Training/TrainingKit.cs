using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Training;
using Beacon.Web.Features.Learn;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Training;

/// <summary>A quiz form as the page drew it: its antiforgery token, its sealed draw, and the questions in the order shown.</summary>
public sealed record QuizForm(string Antiforgery, string Token, IReadOnlyList<string> QuestionIds, string Html);

/// <summary>Takes the training quizzes through the real pages, answering from the shipped question banks.</summary>
public static partial class TrainingKit
{
    public const string DutyToReport = "duty-to-report", Basics = "csec-basics";

    /// <summary>A staff member of the named agency, called <paramref name="name"/>, signed in.</summary>
    public static async Task<(TestUser User, HttpClient Client)> NamedStaffAsync(
        this BeaconFactory factory, string county, string agency, string name, params string[] roles)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, roles);
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name)));
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return (user, client);
    }

    public static Course Course(this BeaconFactory factory, string slug, string language = "en") =>
        factory.Services.GetRequiredService<LearnContent>().Training.Find(language, slug)!;

    public static async Task<QuizForm> OpenQuizAsync(this HttpClient client, string course)
    {
        var response = await client.GetAsync($"/training/{course}/quiz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Read(await response.Content.ReadAsStringAsync());
    }

    public static QuizForm Read(string html) => new(
        HtmlForms.TokenFrom(html)!,
        WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value),
        QuestionField().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList(),
        html);

    /// <summary>The first <paramref name="right"/> questions answered right, the rest wrong, and <paramref name="skip"/> unanswered at the end.</summary>
    public static List<KeyValuePair<string, string>> Answers(Course course, QuizForm form, int right, int skip = 0)
    {
        var answers = new List<KeyValuePair<string, string>>();
        foreach (var (id, i) in form.QuestionIds.Select((id, i) => (id, i)).Take(form.QuestionIds.Count - skip))
        {
            var question = course.Question(id)!;
            var chosen = i < right ? question.Answers.Where(a => a.Correct) : question.Answers.Where(a => !a.Correct).Take(1);
            answers.AddRange(chosen.Select(a => new KeyValuePair<string, string>("q-" + id, a.Id)));
        }

        return answers;
    }

    public static async Task<string> SubmitAsync(this HttpClient client, string course, QuizForm form, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var fields = new List<KeyValuePair<string, string>>(answers)
        {
            new("__RequestVerificationToken", form.Antiforgery),
            new("token", form.Token),
        };
        var response = await client.PostAsync($"/training/{course}/quiz", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Takes the quiz once with <paramref name="right"/> questions right; returns the result page.</summary>
    public static async Task<string> TakeQuizAsync(this HttpClient client, BeaconFactory factory, string course, int right)
    {
        var form = await client.OpenQuizAsync(course);
        return await client.SubmitAsync(course, form, Answers(factory.Course(course), form, right));
    }

    /// <summary>The page's words as a reader meets them: tags dropped, entities decoded, runs of white space made one space.</summary>
    public static string Words(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Replace(" :", ":", StringComparison.Ordinal);

    public static string? CertificateCode(string html) => CodePattern().Match(html) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"q-([a-z0-9-]+)\"")]
    private static partial Regex QuestionField();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")]
    private static partial Regex CodePattern();
}
