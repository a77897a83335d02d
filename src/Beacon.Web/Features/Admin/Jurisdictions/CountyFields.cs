using System.Globalization;
using System.Text.RegularExpressions;
using Beacon.Core.Training;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>A county's names, state and protocol settings; its id is typed once, when it is added.</summary>
public class CountyInput
{
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
    public string? State { get; set; }
    /// <summary>Text, not a number, so that "48h" gets a message naming the field rather than a binder's.</summary>
    public string? EmergencyMdtHours { get; set; }
    public string? RetentionDays { get; set; }
    public string? TriageHours { get; set; }
    /// <summary>Months a passed training course counts; empty keeps the default (a year).</summary>
    public string? TrainingRenewalMonths { get; set; }
    /// <summary>Who triages the intake queue: one of <see cref="CountyFields.TriageChoices"/>; empty keeps both roles.</summary>
    public string? TriageRoles { get; set; }

    public static string? Show(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

public sealed record CountyValues(
    string NameEn, string NameEs, string State, int? EmergencyMdtHours, int? RetentionDays, int? TriageHours, TriageRoles TriageRoles,
    int TrainingRenewalMonths);

public static partial class CountyFields
{
    public const int NameMax = 200;
    /// <summary>Short enough that "{county}-{kind}-{n}" contact ids fit their 64-character column.</summary>
    public const int IdMax = 40;

    /// <summary>Ids that would clash with a route ("new") or with the row of national contacts.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal) { "new", "national" };

    /// <summary>An emergency MDT within a week at most; a protocol that allows longer is not an emergency one.</summary>
    public const int EmergencyMdtHoursMin = 1, EmergencyMdtHoursMax = 168;

    /// <summary>At least a month (time to notice a case closed by mistake), at most ten years.</summary>
    public const int RetentionDaysMin = 30, RetentionDaysMax = 3650;

    /// <summary>An open intake item waits at most a week untouched before supervisors are told.</summary>
    public const int TriageHoursMin = 1, TriageHoursMax = 168;

    /// <summary>The triage role choices the form offers, by their form value.</summary>
    public static readonly IReadOnlyDictionary<string, TriageRoles> TriageChoices = new Dictionary<string, TriageRoles>(StringComparer.Ordinal)
    {
        ["both"] = TriageRoles.Caseworker | TriageRoles.Supervisor,
        ["supervisors"] = TriageRoles.Supervisor,
        ["caseworkers"] = TriageRoles.Caseworker,
    };

    public static string ChoiceOf(TriageRoles roles) =>
        TriageChoices.FirstOrDefault(c => c.Value == roles).Key ?? "both";

    public static CountyValues? Check(CountyInput input, FormCheck check)
    {
        var en = check.Text("Input.NameEn", "Field.NameEn", input.NameEn, NameMax, required: true);
        var es = check.Text("Input.NameEs", "Field.NameEs", input.NameEs, NameMax, required: true);
        // Capitals are not a choice worth an error: "ca" is stored as "CA".
        var state = check.Matching("Input.State", "Field.State", input.State?.ToUpperInvariant(), 2, required: true,
            StatePattern(), "Validation.State");
        var hoursOk = WholeNumber(check, "Input.EmergencyMdtHours", "Field.EmergencyMdtHours", input.EmergencyMdtHours,
            EmergencyMdtHoursMin, EmergencyMdtHoursMax, out var hours);
        var daysOk = WholeNumber(check, "Input.RetentionDays", "Field.RetentionDays", input.RetentionDays,
            RetentionDaysMin, RetentionDaysMax, out var days);
        var triageOk = WholeNumber(check, "Input.TriageHours", "Field.TriageHours", input.TriageHours,
            TriageHoursMin, TriageHoursMax, out var triageHours);
        var renewalOk = WholeNumber(check, "Input.TrainingRenewalMonths", "Field.TrainingRenewalMonths", input.TrainingRenewalMonths,
            TrainingStanding.MinRenewalMonths, TrainingStanding.MaxRenewalMonths, out var renewal);
        var roles = TriageChoices["both"];
        var rolesOk = string.IsNullOrEmpty(input.TriageRoles) || TriageChoices.TryGetValue(input.TriageRoles, out roles);
        if (!rolesOk)
        {
            check.Fail("Input.TriageRoles", "Field.TriageRoles", "Validation.Choice");
        }

        return en is not null && es is not null && state is not null && hoursOk && daysOk && triageOk && rolesOk && renewalOk
            ? new CountyValues(en, es, state, hours, days, triageHours, roles, renewal ?? TrainingStanding.DefaultRenewalMonths)
            : null;
    }

    /// <summary>Empty is allowed (not set: <paramref name="number"/> is null); anything else must be a whole number in the range.</summary>
    private static bool WholeNumber(FormCheck check, string key, string labelKey, string? value, int min, int max, out int? number)
    {
        number = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            number = parsed;
            return true;
        }

        check.Fail(key, labelKey, "Validation.WholeNumberRange", min, max);
        return false;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();
}
