using System.Globalization;
using System.Text;

namespace Beacon.Core.Scanning.Evaluation;

/// <summary>The evaluation as the command prints it: a table per language and domain, then the not-present rates.</summary>
public static class EvaluationReport
{
    public static string Format(IReadOnlyList<LanguageEvaluation> languages, bool withErrors)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Note scanner evaluation: {languages.Sum(l => l.Notes)} labelled notes ({string.Join(", ", languages.Select(l => $"{l.Notes} {l.Language}"))})");
        text.AppendLine();
        text.AppendLine("present       domain         tp    fp    fn  precision  recall     f1");
        foreach (var l in languages)
        {
            foreach (var (domain, score) in l.ByDomain)
            {
                Row(l.Language, domain, score);
            }

            Row(l.Language, "all", l.Present);
        }

        if (languages.Count > 1)
        {
            Row("all", "all", languages.Aggregate(PresentScore.Zero, (a, l) => a + l.Present));
        }

        text.AppendLine();
        text.AppendLine("items stated per note (each item a note states present, found at least once)");
        foreach (var l in languages)
        {
            Row(l.Language, "per note", l.ItemsPerNote);
        }

        text.AppendLine();
        text.AppendLine("not present   label        mentions  reported present  rate    same status");
        foreach (var l in languages)
        {
            foreach (var (status, score) in l.NotPresent)
            {
                NotPresentRow(l.Language, status.ToString().ToLowerInvariant(), score);
            }

            NotPresentRow(l.Language, "neg.+unc.", l.NegatedOrUncertain);
        }

        if (languages.Count > 1)
        {
            NotPresentRow("all", "neg.+unc.", languages.Aggregate(NotPresentScore.Zero, (a, l) => a + l.NegatedOrUncertain));
        }

        if (withErrors)
        {
            text.AppendLine();
            foreach (var e in languages.SelectMany(l => l.Errors))
            {
                text.AppendLine(c, $"{e.NoteId,-8} {e.Kind,-24} {e.Indicator,-28} \"{e.Text}\"{(e.Cue is null ? "" : $" (cue \"{e.Cue}\")")}");
            }
        }

        return text.ToString();

        void Row(string language, string domain, PresentScore s) =>
            text.AppendLine(c, $"{language,-13} {domain,-12} {s.TruePositives,5} {s.FalsePositives,5} {s.FalseNegatives,5}  {s.Precision,9:0.000}  {s.Recall,6:0.000}  {s.F1,5:0.000}");

        void NotPresentRow(string language, string label, NotPresentScore s) =>
            text.AppendLine(c, $"{language,-13} {label,-12} {s.Mentions,8}  {s.ReportedPresent,16}  {s.ReportedPresentRate,6:0.0%}  {s.SameStatus,11}");
    }
}
