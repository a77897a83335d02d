namespace Beacon.Core.Scanning;

/// <summary>
/// The note scanner's matching engine for one language: a word trie over the lexicon and one over the cue
/// lists, both on folded words (lowercase, no accents), read in one pass over the note. ConText-style: a
/// negation or uncertainty trigger reaches <see cref="ScannerCues.Window"/> words within its sentence unless a
/// terminator or a comma that begins another clause comes first; pseudo-triggers are masked; a trigger inside a
/// matched phrase is part of it; a mention right after an other-person cue ("her friend") is not the youth's and is
/// left out, unless the youth is named between (then it is hearsay: uncertain). Built once, immutable, safe to
/// share between threads.
/// </summary>
public sealed partial class NoteScanner
{
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Node terms = new();
    private readonly Node cues = new();
    private readonly List<(string Indicator, ScannerPhrase Phrase)> termEntries = [];
    private readonly List<CueEntry> cueEntries = [];
    private readonly int window;
    private readonly HashSet<int> listJoiners = [];
    private readonly Node[][] firstTerms;
    private readonly Node[][] firstCues;

    public NoteScanner(ScannerLexicon lexicon, ScannerCues cueLists)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(cueLists);
        if (lexicon.Language != cueLists.Language)
        {
            throw new ArgumentException(
                $"The lexicon is {lexicon.Language} and the cues are {cueLists.Language}: a scanner reads one language.",
                nameof(cueLists));
        }

        Language = lexicon.Language;
        window = cueLists.Window;
        lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        foreach (var (indicator, phrases) in lexicon.Terms)
        {
            foreach (var phrase in phrases)
            {
                termEntries.Add((indicator, phrase));
                Insert(terms, phrase, termEntries.Count - 1);
            }
        }

        // Ordinary wordings that contain an item's phrase ("get a tattoo when she turns 18"): matched like the
        // lexicon's, so the longer one wins, and reported as nothing (an empty indicator).
        foreach (var phrase in lexicon.Ignore)
        {
            termEntries.Add(("", phrase));
            Insert(terms, phrase, termEntries.Count - 1);
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddCues(IEnumerable<ScannerPhrase> phrases, CueRoles role)
        {
            foreach (var phrase in phrases)
            {
                if (byKey.TryGetValue(phrase.Key, out var at))
                {
                    cueEntries[at] = cueEntries[at] with { Roles = cueEntries[at].Roles | role };
                    continue;
                }

                // A cue word written without accents does not match a word written with them ("si" is not "sí"):
                // in Spanish the accent is what tells the two words apart.
                // A phrase with a gap has no fixed word positions to check, and is never a lone "si".
                var plain = phrase.Words.Any(w => w.IsGap)
                    ? new bool[phrase.Words.Count]
                    : phrase.Words.Select(w => !w.Prefix && ScannerPhrase.Fold(w.Text) == w.Text).ToArray();
                cueEntries.Add(new CueEntry(role, phrase, plain));
                byKey[phrase.Key] = cueEntries.Count - 1;
                Insert(cues, phrase, cueEntries.Count - 1);
            }
        }

        AddCues(cueLists.Negation.Before, CueRoles.NegationBefore);
        AddCues(cueLists.Negation.After, CueRoles.NegationAfter);
        AddCues(cueLists.Uncertainty.Before, CueRoles.UncertaintyBefore);
        AddCues(cueLists.Uncertainty.After, CueRoles.UncertaintyAfter);
        AddCues(cueLists.Pseudo, CueRoles.Pseudo);
        AddCues(cueLists.Terminators, CueRoles.Terminator);
        AddCues(cueLists.OtherPerson, CueRoles.OtherPerson);
        AddCues(cueLists.Youth, CueRoles.Youth);
        foreach (var joiner in cueLists.ListJoiners)
        {
            listJoiners.Add(WordId(joiner));
        }

        var sortedWords = vocabulary.Keys.ToArray();
        var sortedIds = sortedWords.Select(w => vocabulary[w]).ToArray();
        Array.Sort(sortedWords, sortedIds, StringComparer.Ordinal);
        LearnKnownWords(terms, sortedWords, sortedIds);
        LearnKnownWords(cues, sortedWords, sortedIds);
        firstTerms = FirstWords(terms, vocabulary.Count);
        firstCues = FirstWords(cues, vocabulary.Count);
    }

    public string Language { get; }

    /// <summary>The findings of a note, in the order they appear in it.</summary>
    public IReadOnlyList<Finding> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One scratch space per thread, reused from note to note: scanning allocates only what it returns.
        var state = scratch ??= new ScanState();
        state.Reset(text);
        var tokens = state.Tokens;
        NoteText.Tokenize(text, state.Folded, tokens, state.Questions);
        var ids = state.IdsFor(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            ids[i] = lookup.TryGetValue(state.Folded.AsSpan(t.FoldStart, t.FoldLength), out var id) ? id : -1;
        }

        var findings = new List<Finding>();
        var start = 0;
        while (start < tokens.Count)
        {
            var end = start + 1;
            while (end < tokens.Count && tokens[end].Sentence == tokens[start].Sentence)
            {
                end++;
            }

            ScanSentence(state, start, end, findings);
            start = end;
        }

        // Nothing of the note outlives the scan (its text and folded copy are case text); a very long document's
        // buffers are not kept for the thread's lifetime either.
        state.Release();
        if (state.Folded.Length > KeptScratchChars)
        {
            scratch = null;
        }

        return findings;
    }

    private void ScanSentence(ScanState s, int from, int to, List<Finding> findings)
    {
        // Terms: longest first, overlaps settled (see Select).
        var termMatches = Select(s, terms, from, to, true, s.TermCandidates, s.TermTaken, s.TermCovered);
        if (termMatches.Count == 0)
        {
            return;
        }

        var cueMatches = Select(s, cues, from, to, false, s.CueCandidates, s.CueTaken, s.CueCovered);

        // A trigger inside a matched phrase is part of that phrase ("sin hogar", "no papers"); pseudo-triggers
        // ("no longer") only mask what they contain.
        var kept = 0;
        for (var k = 0; k < cueMatches.Count; k++)
        {
            var c = cueMatches[k];
            if (cueEntries[c.Payload].Roles != CueRoles.Pseudo && !Covered(s.TermCovered, c))
            {
                cueMatches[kept++] = c;
            }
        }

        cueMatches.RemoveRange(kept, cueMatches.Count - kept);

        // Sorted, non-overlapping: each term looks only at the cues within the window on either side, and finds a
        // terminator between by binary search, so a long sentence costs the same per word as a short one.
        termMatches.Sort((a, b) => a.Start.CompareTo(b.Start));
        cueMatches.Sort((a, b) => a.Start.CompareTo(b.Start));
        var terminators = s.Terminators;
        var youth = s.YouthMentions;
        terminators.Clear();
        youth.Clear();
        foreach (var c in cueMatches)
        {
            var roles = cueEntries[c.Payload].Roles;
            if ((roles & CueRoles.Terminator) != 0)
            {
                terminators.Add(c);
            }

            if ((roles & CueRoles.Youth) != 0)
            {
                youth.Add(c);
            }
        }

        var cuts = MarkClauseCommas(s, from, to, termMatches);
        foreach (var term in termMatches)
        {
            if (Ignored(term.Payload))
            {
                continue;
            }

            var status = FindingStatus.Present;
            Match? decider = null;
            var nearest = int.MaxValue;
            var aboutSomeoneElse = false;
            for (var k = FirstEndingAfter(cueMatches, term.Start - window); k < cueMatches.Count && cueMatches[k].Start < term.End + window; k++)
            {
                var cue = cueMatches[k];
                var roles = cueEntries[cue.Payload].Roles;
                if (cue.End <= term.Start && term.Start - cue.End < window && !AnyBetween(terminators, cue.End, term.Start))
                {
                    // An appositive is set off by commas ("her best friend, Daniela, has an older boyfriend"): who a
                    // mention is about carries across them; a denial or a doubt stops at a comma that begins a clause.
                    // With the youth named between, the other person is the one telling it ("her friend says she has
                    // two phones"): hearsay, so uncertain.
                    if ((roles & CueRoles.OtherPerson) != 0)
                    {
                        aboutSomeoneElse |= !AnyBetween(youth, cue.End, term.Start);
                        roles |= CueRoles.UncertaintyBefore;
                    }

                    if (!CutBetween(cuts, from, cue.End, term.Start))
                    {
                        Consider(roles, CueRoles.NegationBefore, CueRoles.UncertaintyBefore, term.Start - cue.End, cue);
                    }
                }
                else if (cue.Start >= term.End && cue.Start - term.End < window && !AnyBetween(terminators, term.End, cue.Start)
                    && !CutBetween(cuts, from, term.End, cue.Start - 1))
                {
                    Consider(roles, CueRoles.NegationAfter, CueRoles.UncertaintyAfter, cue.Start - term.End, cue);
                }
            }

            if (aboutSomeoneElse)
            {
                continue;
            }

            var startChar = s.Tokens[term.Start].Start;
            var endChar = s.Tokens[term.End - 1].End;
            string? cueText = decider is { } d ? s.Text[s.Tokens[d.Start].Start..s.Tokens[d.End - 1].End] : null;

            // A question asks; it does not assert ("Does she have more than one phone?"). A denial inside one stays.
            if (status == FindingStatus.Present && s.Questions.BinarySearch(s.Tokens[term.Start].Sentence) >= 0)
            {
                (status, cueText) = (FindingStatus.Uncertain, "?");
            }

            findings.Add(new Finding(termEntries[term.Payload].Indicator, status, startChar, endChar,
                s.Text[startChar..endChar], cueText));

            // The nearer trigger wins; at equal distance uncertainty wins (it asks for a look, not a dismissal).
            void Consider(CueRoles roles, CueRoles negation, CueRoles uncertainty, int distance, Match cue)
            {
                if ((roles & uncertainty) != 0 && (distance < nearest || (distance == nearest && status == FindingStatus.Negated)))
                {
                    (status, nearest, decider) = (FindingStatus.Uncertain, distance, cue);
                }
                else if ((roles & negation) != 0 && distance < nearest)
                {
                    (status, nearest, decider) = (FindingStatus.Negated, distance, cue);
                }
            }
        }
    }

    // A comma ends a trigger's reach when it begins another clause: "would not unlock, and about $400 in cash" and
    // "if he stops, they will hurt his mom" are two statements each. It does not when a list goes on after it (see
    // ListGoesOn). cuts[j] counts the clause commas before the words from..j, so a range is checked in constant time.
    private int[] MarkClauseCommas(ScanState s, int from, int to, List<Match> termMatches)
    {
        var starts = s.TermStarts;
        Array.Clear(starts, from, to - from);
        foreach (var term in termMatches)
        {
            starts[term.Start] |= !Ignored(term.Payload);
        }

        var cuts = s.Cuts;
        var count = 0;
        for (var j = from; j < to; j++)
        {
            if (j > from && s.Tokens[j].CommaBefore && !ListGoesOn(s, j, to, starts))
            {
                count++;
            }

            cuts[j] = count;
        }

        return cuts;
    }

    // The most words of a list item without a lexicon phrase: "alcohol", "an older boyfriend".
    private const int ListItemMost = 3;

    // After the comma before word j a list goes on when the next word, or the word after a joiner ("and", "or"),
    // begins a lexicon phrase ("denies drugs, hotel keys, or cash"), or when a short item of up to three words ends at
    // another comma or a joiner ("denies drugs, alcohol or running away", "drugs, an older boyfriend, or cash").
    private bool ListGoesOn(ScanState s, int j, int to, bool[] starts)
    {
        if (starts[j])
        {
            return true;
        }

        if (listJoiners.Contains(s.Ids[j]))
        {
            return j + 1 < to && starts[j + 1];
        }

        for (var k = j + 1; k <= j + ListItemMost && k < to; k++)
        {
            if (s.Tokens[k].CommaBefore || listJoiners.Contains(s.Ids[k]))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a clause comma stands before any of the words first..last (inclusive).
    private static bool CutBetween(int[] cuts, int from, int first, int last) =>
        first <= last && cuts[last] - (first > from ? cuts[first - 1] : 0) > 0;

    // The first of the sorted, non-overlapping matches that ends after the word index.
    private static int FirstEndingAfter(List<Match> sorted, int index)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].End > index)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    // Whether one of the sorted, non-overlapping matches lies wholly within the words from..to.
    private static bool AnyBetween(List<Match> sorted, int from, int to)
    {
        var k = FirstEndingAfter(sorted, from);
        return k < sorted.Count && sorted[k].Start >= from && sorted[k].End <= to;
    }

    [Flags]
    private enum CueRoles
    {
        None = 0,
        NegationBefore = 1,
        NegationAfter = 2,
        UncertaintyBefore = 4,
        UncertaintyAfter = 8,
        Pseudo = 16,
        Terminator = 32,
        OtherPerson = 64,
        Youth = 128,
    }

    private sealed record CueEntry(CueRoles Roles, ScannerPhrase Phrase, bool[] Plain);

}
