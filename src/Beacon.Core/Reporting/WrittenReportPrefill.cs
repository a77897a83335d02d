using System.Globalization;
using System.Text;

namespace Beacon.Core.Reporting;

/// <summary>The ids of the facts Beacon can prefill (California's ids; a law without one of them simply gets no value for it).</summary>
public static class ReportFieldIds
{
    public const string ReporterName = "reporter.name";
    public const string ReporterAddress = "reporter.address";
    public const string ReporterPhone = "reporter.phone";
    public const string ReporterCapacity = "reporter.capacity";
    public const string SuspicionInformation = "suspicion.information";
    public const string SuspicionNarrative = "suspicion.narrative";
    public const string SuspicionSources = "suspicion.sources";
    public const string ChildName = "child.name";
    public const string ChildBirthdate = "child.birthdate";
    public const string ChildAddress = "child.address";
    public const string ChildSchool = "child.school";
    public const string Guardians = "guardians";
}

/// <summary>The reporter as their account knows them: work details only.</summary>
public sealed record ReporterFacts(string Name, string? Agency, string? WorkAddress, string? WorkPhone, string? Capacity);

public sealed record IndicatorAnswer(string Item, string Answer);

/// <summary>One rule of the screen that fired: why, in the instrument's words, and the answers that met it.</summary>
public sealed record ScreenReason(string Why, IReadOnlyList<IndicatorAnswer> Indicators);

/// <summary>What a saved screen found, already in the report's language.</summary>
public sealed record ScreenFinding(
    string Instrument, string Level, string CompletedOn, string Author, IReadOnlyList<ScreenReason> Reasons, IReadOnlyList<string> RiskNoted);

/// <summary>The youth as their record knows them (dates already written in the report's language).</summary>
public sealed record ChildFacts(string LegalName, string? PreferredName, string? BirthDate, string? Placement, string? Phone, string? School);

public sealed record GuardianFacts(string Name, string? Relationship, string? Phone);

/// <summary>Everything Beacon already knows that a written report asks for; null or empty where it knows nothing.</summary>
public sealed record PrefillFacts(ReporterFacts Reporter, ScreenFinding? Screen, ChildFacts? Child, IReadOnlyList<GuardianFacts> Guardians);

/// <summary>
/// The phrases a prefill is written with, in the report's language (composite formats from the page's
/// resources), so that this stays free of any web framework.
/// </summary>
/// <param name="ScreenResult">{0} the instrument, {1} the level: "Result of the Beacon screen “{0}”: {1}".</param>
/// <param name="Why">The heading of the rules that fired.</param>
/// <param name="RiskNoted">The heading of the risk factors noted.</param>
/// <param name="ScreenSource">{0} the instrument, {1} the date, {2} the author.</param>
/// <param name="OwnObservation">The reporter's own observation, as a source.</param>
/// <param name="GoesBy">{0} the preferred name.</param>
/// <param name="Phone">{0} a phone number.</param>
public sealed record PrefillWords(
    string ScreenResult, string Why, string RiskNoted, string ScreenSource, string OwnObservation, string GoesBy, string Phone);

/// <summary>
/// A written report's first draft from what Beacon knows, so the reporter retypes nothing: their work
/// details, what the screen found and who did it, and the youth's and guardians' details. Facts Beacon
/// does not know stay empty, to be typed or left unknown. Pure: the pages gather the facts.
/// </summary>
public static class WrittenReportPrefill
{
    public static WrittenReportDraft Build(ReportingLaw law, PrefillFacts facts, PrefillWords words, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(facts);
        var values = new Dictionary<string, string?>
        {
            [ReportFieldIds.ReporterName] = facts.Reporter.Name,
            // A business address names the business: the agency stands in until the reporter's address is known.
            [ReportFieldIds.ReporterAddress] = facts.Reporter.WorkAddress ?? facts.Reporter.Agency,
            [ReportFieldIds.ReporterPhone] = facts.Reporter.WorkPhone,
            [ReportFieldIds.ReporterCapacity] = facts.Reporter.Capacity,
            [ReportFieldIds.SuspicionInformation] = facts.Screen is { } screen ? Suspicion(screen, words, culture) : null,
            [ReportFieldIds.SuspicionSources] = facts.Screen is { } s
                ? string.Format(culture, words.ScreenSource, s.Instrument, s.CompletedOn, s.Author) + "; " + words.OwnObservation
                : words.OwnObservation,
        };
        if (facts.Child is { } child)
        {
            values[ReportFieldIds.ChildName] = Called(child, words, culture);
            values[ReportFieldIds.ChildBirthdate] = child.BirthDate;
            values[ReportFieldIds.ChildAddress] = Join("; ", child.Placement, Phone(child.Phone, words, culture));
            values[ReportFieldIds.ChildSchool] = child.School;
        }

        values[ReportFieldIds.Guardians] = string.Join("\n", facts.Guardians.Select(g => Guardian(g, words, culture)));

        var draft = new WrittenReportDraft();
        foreach (var (id, value) in values.Where(v => law.Field(v.Key) is not null))
        {
            draft[id] = value;
        }

        return draft;
    }

    /// <summary>The screen's level, the rules that fired with the answers that met them, and the risk factors noted, one per line.</summary>
    public static string Suspicion(ScreenFinding screen, PrefillWords words, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var text = new StringBuilder(string.Format(culture, words.ScreenResult, screen.Instrument, screen.Level));
        if (screen.Reasons.Count > 0)
        {
            text.Append('\n').Append(words.Why);
            foreach (var reason in screen.Reasons)
            {
                text.Append("\n- ").Append(reason.Why);
                foreach (var answer in reason.Indicators)
                {
                    text.Append("\n  • ").Append(answer.Item).Append(": ").Append(answer.Answer);
                }
            }
        }

        if (screen.RiskNoted.Count > 0)
        {
            text.Append('\n').Append(words.RiskNoted);
            foreach (var risk in screen.RiskNoted)
            {
                text.Append("\n- ").Append(risk);
            }
        }

        return text.ToString();
    }

    private static string Called(ChildFacts child, PrefillWords words, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(child.PreferredName) || child.PreferredName == child.LegalName
            ? child.LegalName
            : $"{child.LegalName} ({string.Format(culture, words.GoesBy, child.PreferredName)})";

    private static string Guardian(GuardianFacts g, PrefillWords words, CultureInfo culture) =>
        Join(" — ", string.IsNullOrWhiteSpace(g.Relationship) ? g.Name : $"{g.Name} ({g.Relationship})", Phone(g.Phone, words, culture))!;

    private static string? Phone(string? phone, PrefillWords words, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(phone) ? null : string.Format(culture, words.Phone, phone);

    private static string? Join(string separator, params string?[] parts)
    {
        var known = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return known.Count == 0 ? null : string.Join(separator, known);
    }
}
