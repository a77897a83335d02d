using System.Text.Json;

namespace Beacon.Core.Reporting;

/// <summary>
/// The facts of one written report (field id → text), as the reporter last saved them. Stored as JSON
/// in one encrypted column, so a jurisdiction's form is data (<see cref="ReportingLaw.Fields"/>) and
/// adding a field needs no migration. Values are trimmed; a blank value is no value.
/// </summary>
public sealed class WrittenReportDraft
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string? this[string fieldId]
    {
        get => values.GetValueOrDefault(fieldId);
        set
        {
            var trimmed = value?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                values.Remove(fieldId);
            }
            else
            {
                values[fieldId] = trimmed;
            }
        }
    }

    public bool Has(string fieldId) => values.ContainsKey(fieldId);

    /// <summary>The required fields of <paramref name="law"/> still empty: filing waits for these, and only these.</summary>
    public IReadOnlyList<ReportField> MissingRequired(ReportingLaw law) =>
        law.Fields.Where(f => f.Required && !Has(f.Id)).ToList();

    /// <summary>The fields of <paramref name="law"/> longer than it allows.</summary>
    public IReadOnlyList<ReportField> TooLong(ReportingLaw law) =>
        law.Fields.Where(f => values.TryGetValue(f.Id, out var v) && v.Length > f.MaxLength).ToList();

    public string ToJson() => JsonSerializer.Serialize(values.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary());

    public static WrittenReportDraft FromJson(string? json)
    {
        var draft = new WrittenReportDraft();
        if (string.IsNullOrWhiteSpace(json))
        {
            return draft;
        }

        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [])
        {
            draft[key] = value;
        }

        return draft;
    }
}
