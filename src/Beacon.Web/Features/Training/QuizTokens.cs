using System.Security.Cryptography;
using System.Text.Json;
using Beacon.Core.Training;
using Microsoft.AspNetCore.DataProtection;

namespace Beacon.Web.Features.Training;

/// <summary>What the quiz form carries back: the questions drawn, their answer order, and for whom.</summary>
/// <param name="AttemptId">Becomes the stored attempt's id, so one drawn quiz is marked once.</param>
/// <param name="UserId">The staff member it was drawn for; null for a visitor (nothing is stored for them).</param>
public sealed record QuizTicket(Guid AttemptId, Guid? UserId, QuizDraw Draw);

/// <summary>
/// The draw travels in the form, sealed with Data Protection and good for <see cref="Lifetime"/>: the
/// server keeps nothing until an attempt is marked, a visitor's quiz needs no storage at all, and a
/// learner cannot choose their questions or replace a staff member's.
/// </summary>
public sealed class QuizTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Beacon.Training.Quiz.v1").ToTimeLimitedDataProtector();

    public string Seal(QuizTicket ticket) =>
        _protector.Protect(JsonSerializer.Serialize(ticket), clock.GetUtcNow() + Lifetime);

    /// <summary>The ticket, or null when the token was not sealed here, was altered, or has expired.</summary>
    public QuizTicket? Open(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var json = _protector.Unprotect(token, out var expires);
            return expires < clock.GetUtcNow() ? null : JsonSerializer.Deserialize<QuizTicket>(json);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
