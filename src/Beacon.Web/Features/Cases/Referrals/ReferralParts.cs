using Beacon.Data.Entities;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>The parts a referral can share and the bases it can rest on, in the order the forms and lists show them.</summary>
public static class ReferralParts
{
    public const int RequestMax = 2000;
    public const int LegalBasisMax = 200;
    public const int DeclineReasonMax = 2000;

    public static readonly IReadOnlyList<SharedParts> All =
        [SharedParts.Identity, SharedParts.Screens, SharedParts.Notes, SharedParts.Services, SharedParts.SafetyPlan];

    public static IEnumerable<SharedParts> Of(SharedParts shares) => All.Where(p => (shares & p) == p);

    /// <summary>Reads a posted name exactly (Enum.TryParse would also take "1" or "3").</summary>
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        if (name is null || !Enum.GetNames<T>().Contains(name, StringComparer.Ordinal))
        {
            return false;
        }

        value = Enum.Parse<T>(name);
        return true;
    }
}
