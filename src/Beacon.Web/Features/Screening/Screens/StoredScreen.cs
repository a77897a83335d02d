using System.Text.Json;
using Beacon.Core.Jurisdictions;
using Beacon.Core.Screening;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>The reasons as stored with a screen: the rules that fired and their items, unknown items, risk noted.</summary>
public sealed record StoredReasons(List<StoredRule> Fired, List<string> Unknown, List<string> Risk);

public sealed record StoredRule(string Rule, ConcernLevel Level, List<string> Items);

/// <summary>Reads and writes a saved screen's answers and reasons (JSON columns).</summary>
public static class StoredScreen
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every item of the instrument, in its order; null is unknown.</summary>
    public static string WriteAnswers(Instrument instrument, IReadOnlyDictionary<string, int?> answers) =>
        JsonSerializer.Serialize(instrument.Items.ToDictionary(i => i.Id, i => answers.GetValueOrDefault(i.Id)), Json);

    public static Dictionary<string, int?> ReadAnswers(SavedScreen screen) =>
        JsonSerializer.Deserialize<Dictionary<string, int?>>(screen.AnswersJson, Json) ?? [];

    public static string WriteReasons(ScreeningResult result) => JsonSerializer.Serialize(new StoredReasons(
        result.Fired.Select(f => new StoredRule(f.Rule.Id, f.Rule.Level, [.. f.Items])).ToList(),
        [.. result.Unknown], [.. result.RiskNoted]), Json);

    public static StoredReasons ReadReasons(SavedScreen screen) =>
        JsonSerializer.Deserialize<StoredReasons>(screen.ReasonsJson, Json) ?? new StoredReasons([], [], []);

    /// <summary>Scores the answers and writes them, the level and the reasons onto the screen.</summary>
    public static void Score(SavedScreen screen, Instrument instrument, IReadOnlyDictionary<string, int?> answers)
    {
        var result = Scoring.Score(instrument, Scoring.ToArray(instrument, answers));
        screen.AnswersJson = WriteAnswers(instrument, answers);
        screen.Level = result.Level;
        screen.ReasonsJson = WriteReasons(result);
    }

    /// <summary>The reasons ready to show, with each rule's explanation from the instrument version that scored them.</summary>
    public static ReasonsView View(Instrument instrument, SavedScreen screen)
    {
        var reasons = ReadReasons(screen);
        var rules = instrument.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new ReasonsView(instrument, screen.Level, ReadAnswers(screen),
            reasons.Fired.Select(f => new ReasonsView.Reason(
                rules.TryGetValue(f.Rule, out var rule) ? rule.Why : new LocalizedText(f.Rule, f.Rule), f.Items)).ToList(),
            reasons.Unknown, reasons.Risk);
    }
}

/// <summary>What the reasons partial shows, from a fresh result (the public check) or a stored screen.</summary>
public sealed record ReasonsView(
    Instrument Instrument, ConcernLevel Level, IReadOnlyDictionary<string, int?> Answers,
    IReadOnlyList<ReasonsView.Reason> Fired, IReadOnlyList<string> Unknown, IReadOnlyList<string> Risk)
{
    public sealed record Reason(LocalizedText Why, IReadOnlyList<string> Items);

    public static ReasonsView From(Instrument instrument, ScreeningResult result, IReadOnlyDictionary<string, int?> answers) =>
        new(instrument, result.Level, answers, result.Fired.Select(f => new Reason(f.Rule.Why, f.Items)).ToList(), result.Unknown, result.RiskNoted);

    public string ItemText(string id, string lang) =>
        Instrument.Items.FirstOrDefault(i => i.Id == id)?.Text.For(lang) ?? id;
}

/// <summary>What the answer-form partial shows: the instrument's sections and items, with answers so far.</summary>
public sealed record AnswerForm(Instrument Instrument, IReadOnlyDictionary<string, int?> Answers)
{
    public const string UnknownValue = "u";

    public static string FieldName(InstrumentItem item) => "a." + item.Id;

    /// <summary>Reads a posted form: anything but 0, 1 or 2 (including no answer) is unknown, never yes.</summary>
    public static Dictionary<string, int?> Read(Instrument instrument, IFormCollection form) =>
        instrument.Items.ToDictionary(i => i.Id, i => form[FieldName(i)].ToString() switch
        {
            "0" => 0,
            "1" => 1,
            "2" => 2,
            _ => (int?)null,
        });
}
