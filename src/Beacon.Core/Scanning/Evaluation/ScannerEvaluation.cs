using Beacon.Core.Catalog;

namespace Beacon.Core.Scanning.Evaluation;

/// <summary>Counts for <c>present</c> over some slice of the corpus, and the figures they give.</summary>
public sealed record PresentScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public static readonly PresentScore Zero = new(0, 0, 0);

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PresentScore operator +(PresentScore a, PresentScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>How the labelled mentions that are not the youth's present situation came out.</summary>
public sealed record NotPresentScore(int Mentions, int ReportedPresent, int SameStatus)
{
    public static readonly NotPresentScore Zero = new(0, 0, 0);

    /// <summary>The share of these mentions the scanner wrongly reported as present (the issue asks for under 5%).</summary>
    public double ReportedPresentRate => Mentions == 0 ? 0 : (double)ReportedPresent / Mentions;

    public static NotPresentScore operator +(NotPresentScore a, NotPresentScore b) =>
        new(a.Mentions + b.Mentions, a.ReportedPresent + b.ReportedPresent, a.SameStatus + b.SameStatus);
}

/// <summary>A mistake, for reading and tuning: which note, which kind of mistake, which item, what words.</summary>
public sealed record EvaluationError(string Language, string NoteId, string Kind, string Indicator, string Text, string? Cue);

/// <summary>The scanner measured on one language's corpus.</summary>
public sealed record LanguageEvaluation(
    string Language,
    int Notes,
    IReadOnlyDictionary<string, PresentScore> ByDomain,
    IReadOnlyDictionary<GoldStatus, NotPresentScore> NotPresent,
    IReadOnlyList<EvaluationError> Errors,
    PresentScore ItemsPerNote)
{
    public PresentScore Present => ByDomain.Values.Aggregate(PresentScore.Zero, (a, b) => a + b);

    /// <summary>Negated and uncertain mentions together: the figure the 5% target is about.</summary>
    public NotPresentScore NegatedOrUncertain =>
        NotPresent.GetValueOrDefault(GoldStatus.Negated, NotPresentScore.Zero) + NotPresent.GetValueOrDefault(GoldStatus.Uncertain, NotPresentScore.Zero);
}

/// <summary>
/// Scores the note scanner against the labelled corpus. A <c>present</c> finding counts as right when it overlaps a
/// mention labelled present for the same catalog item (one finding per mention; a second finding inside the same
/// mention is neither right nor wrong); any other present finding is a false positive, and a present mention no
/// finding covers is a false negative. A mention labelled negated, uncertain or other is "reported present" when a
/// present finding of its item overlaps it. Per note, the items stated present are also scored as a set (an item
/// stated four times and found once is found): what a reader of the highlighted note sees it state.
/// </summary>
public static class ScannerEvaluation
{
    public static LanguageEvaluation Evaluate(NoteScanner scanner, ScannerCorpus corpus, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(catalog);
        var byDomain = catalog.Domains.ToDictionary(d => d.Id, _ => PresentScore.Zero, StringComparer.Ordinal);
        var notPresent = new Dictionary<GoldStatus, NotPresentScore>
        {
            [GoldStatus.Negated] = NotPresentScore.Zero,
            [GoldStatus.Uncertain] = NotPresentScore.Zero,
            [GoldStatus.Other] = NotPresentScore.Zero,
        };
        var errors = new List<EvaluationError>();
        var itemsPerNote = PresentScore.Zero;
        foreach (var note in corpus.Notes)
        {
            var findings = scanner.Scan(note.Text);
            var present = findings.Where(f => f.Status == FindingStatus.Present).ToList();
            var statedItems = note.Mentions.Where(m => m.Status == GoldStatus.Present).Select(m => m.Indicator).ToHashSet(StringComparer.Ordinal);
            var foundItems = present.Select(f => f.Indicator).ToHashSet(StringComparer.Ordinal);
            itemsPerNote += new PresentScore(foundItems.Count(statedItems.Contains), foundItems.Count(i => !statedItems.Contains(i)),
                statedItems.Count(i => !foundItems.Contains(i)));
            var used = new bool[present.Count];
            var matched = new List<GoldMention>();
            foreach (var gold in note.Mentions.Where(m => m.Status == GoldStatus.Present))
            {
                var at = -1;
                for (var i = 0; i < present.Count && at < 0; i++)
                {
                    at = !used[i] && Covers(present[i], gold) ? i : -1;
                }


                var domain = catalog.DomainOf(gold.Indicator)!;
                if (at >= 0)
                {
                    used[at] = true;
                    matched.Add(gold);
                    byDomain[domain] += new PresentScore(1, 0, 0);
                }
                else
                {
                    byDomain[domain] += new PresentScore(0, 0, 1);
                    var said = findings.FirstOrDefault(f => Covers(f, gold));
                    errors.Add(new EvaluationError(corpus.Language, note.Id, said is null ? "missed" : $"missed (read {said.Status.Name()})",
                        gold.Indicator, note.Text[gold.Start..gold.End], said?.Cue));
                }
            }

            for (var i = 0; i < present.Count; i++)
            {
                if (!used[i] && !matched.Any(g => Covers(present[i], g)))
                {
                    var f = present[i];
                    byDomain[catalog.DomainOf(f.Indicator)!] += new PresentScore(0, 1, 0);
                    var label = note.Mentions.FirstOrDefault(g => Covers(f, g));
                    errors.Add(new EvaluationError(corpus.Language, note.Id,
                        label is null ? "not in the labels" : $"labelled {label.Status.ToString().ToLowerInvariant()}",
                        f.Indicator, f.Text, null));
                }
            }

            foreach (var gold in note.Mentions.Where(m => m.Status != GoldStatus.Present))
            {
                var reportedPresent = present.Any(f => Covers(f, gold));
                var same = findings.Any(f => Covers(f, gold) && f.Status.ToString() == gold.Status.ToString());
                notPresent[gold.Status] += new NotPresentScore(1, reportedPresent ? 1 : 0, same ? 1 : 0);
            }
        }

        return new LanguageEvaluation(corpus.Language, corpus.Notes.Count, byDomain, notPresent, errors, itemsPerNote);
    }

    private static bool Covers(Finding f, GoldMention g) =>
        f.Indicator == g.Indicator && f.Start < g.End && g.Start < f.End;
}
