using Beacon.Core.Training;
using Beacon.Data.Entities;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Training;

/// <summary>
/// A quiz drawn from the course's bank. The draw travels sealed in the form (<see cref="QuizTokens"/>);
/// an answer missing sends the form back with every choice kept; a marked attempt shows the feedback on
/// every answer with the lesson it cites, and for staff is stored, with a certificate when it passes.
/// </summary>
[AllowAnonymous]
public sealed class QuizModel(LearnContent content, QuizTokens tokens, QuizMarking marking, IStringLocalizer<TrainingResource> text)
    : CoursePageModel(content)
{
    public QuizDraw Draw { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Chosen { get; private set; } = new Dictionary<string, IReadOnlySet<string>>();
    public QuizResult? Result { get; private set; }
    public TrainingCertificate? Certificate { get; private set; }
    /// <summary>A resource key: why a new quiz was drawn, or that this one was already marked.</summary>
    public string? Notice { get; private set; }

    public static string FieldName(string questionId) => "q-" + questionId;

    public IActionResult OnGet(string course)
    {
        if (Open(course) is { } refusal)
        {
            return refusal;
        }

        NewDraw();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string course, string? token, CancellationToken ct)
    {
        if (Open(course) is { } refusal)
        {
            return refusal;
        }

        var ticket = tokens.Open(token);
        if (ticket is null || ticket.UserId != LearnerId || !Quiz.Fits(Course, ticket.Draw))
        {
            NewDraw();
            Notice = "Quiz.Redrawn";
            return Page();
        }

        Draw = ticket.Draw;
        Token = token!;
        Chosen = Draw.Questions.ToDictionary(q => q.QuestionId,
            q => (IReadOnlySet<string>)Request.Form[FieldName(q.QuestionId)].OfType<string>().ToHashSet(StringComparer.Ordinal));
        foreach (var index in Quiz.Unanswered(Draw, Chosen))
        {
            ModelState.AddModelError(FieldName(Draw.Questions[index].QuestionId), text["Quiz.Unanswered", index + 1]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = Quiz.Mark(Course, Draw, Chosen);
        if (LearnerId is { } learner)
        {
            var saved = await marking.SaveAsync(learner, ticket.AttemptId, Course, result, ct);
            if (saved is null)
            {
                Notice = "Quiz.AlreadyMarked";
                return Page();
            }

            Certificate = saved.Certificate;
        }

        Result = result;
        return Page();
    }

    private void NewDraw()
    {
        Draw = Quiz.Draw(Course, Random.Shared);
        Token = tokens.Seal(new QuizTicket(Guid.NewGuid(), LearnerId, Draw));
        Chosen = new Dictionary<string, IReadOnlySet<string>>();
    }
}
