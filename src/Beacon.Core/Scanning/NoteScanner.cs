using System.Globalization;
using System.Text;

namespace Beacon.Core.Scanning;

/// <summary>What a finding says about the youth: asserted, denied, or only asked, feared or possible.</summary>
public enum FindingStatus
{
    Present,
    Negated,
    Uncertain,
}

/// <summary>
/// One lexicon phrase found in a note: the catalog item ID it points to, whether it is asserted, negated or
/// uncertain, its character span in the original text (<see cref="End"/> exclusive), the text matched, and the
/// trigger's original text that decided the status (null when present).
/// </summary>
public sealed record Finding(string Indicator, FindingStatus Status, int Start, int End, string Text, string? Cue);

/// <summary>
/// The note scanner's matching engine for one language: a word trie over the lexicon and one over the cue
/// lists, both on folded words (lowercase, no accents), read in one pass over the note. ConText-style: a
/// negation or uncertainty trigger reaches <see cref="ScannerCues.Window"/> words within its sentence unless a
/// terminator comes first; pseudo-triggers are masked; a trigger inside a matched phrase is part of it; a
/// mention right after an other-person cue ("her friend") is not the youth's and is left out. Built once,
/// immutable, safe to share between threads.
/// </summary>
public sealed class NoteScanner
{
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Node terms = new();
    private readonly Node cues = new();
    private readonly List<(string Indicator, ScannerPhrase Phrase)> termEntries = [];
    private readonly List<CueEntry> cueEntries = [];
    private readonly int window;

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
                var plain = phrase.Words.Select(w => !w.Prefix && ScannerPhrase.Fold(w.Text) == w.Text).ToArray();
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
        // Terms: longest first, shorter overlapping matches dropped.
        var termMatches = Select(s, terms, from, to, null, s.TermCandidates, s.TermTaken, s.TermCovered);
        if (termMatches.Count == 0)
        {
            return;
        }

        var cueMatches = Select(s, cues, from, to, this, s.CueCandidates, s.CueTaken, s.CueCovered);

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
        terminators.Clear();
        foreach (var c in cueMatches)
        {
            if ((cueEntries[c.Payload].Roles & CueRoles.Terminator) != 0)
            {
                terminators.Add(c);
            }
        }
        foreach (var term in termMatches)
        {
            var status = FindingStatus.Present;
            Match? decider = null;
            var nearest = int.MaxValue;
            var aboutSomeoneElse = false;
            for (var k = FirstEndingAfter(cueMatches, term.Start - window); k < cueMatches.Count && cueMatches[k].Start < term.End + window; k++)
            {
                var cue = cueMatches[k];
                var roles = cueEntries[cue.Payload].Roles;
                if (cue.End <= term.Start && term.Start - cue.End < window && !TerminatorBetween(terminators, cue.End, term.Start))
                {
                    var distance = term.Start - cue.End;
                    aboutSomeoneElse |= (roles & CueRoles.OtherPerson) != 0;
                    Consider(roles, CueRoles.NegationBefore, CueRoles.UncertaintyBefore, distance, cue);
                }
                else if (cue.Start >= term.End && cue.Start - term.End < window && !TerminatorBetween(terminators, term.End, cue.Start))
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

    private static bool TerminatorBetween(List<Match> terminators, int from, int to)
    {
        var k = FirstEndingAfter(terminators, from);
        return k < terminators.Count && terminators[k].Start >= from && terminators[k].End <= to;
    }

    private static bool Covered(bool[] covered, Match m)
    {
        for (var i = m.Start; i < m.End; i++)
        {
            if (covered[i])
            {
                return true;
            }
        }

        return false;
    }

    // For each start word, its longest match; then longest first (earlier on a tie), dropping overlaps.
    private static List<Match> Select(ScanState s, Node root, int from, int to, NoteScanner? cueCheck,
        List<Match> candidates, List<Match> taken, bool[] covered)
    {
        candidates.Clear();
        taken.Clear();
        Array.Clear(covered, from, to - from);
        for (var i = from; i < to; i++)
        {
            var best = new Best(i, -1, -1);
            Walk(s, root, i, i, to, cueCheck, ref best);
            if (best.Payload >= 0)
            {
                candidates.Add(new Match(i, best.End, best.Payload));
            }
        }

        if (candidates.Count == 0)
        {
            return taken;
        }

        candidates.Sort((a, b) => (b.End - b.Start) != (a.End - a.Start)
            ? (b.End - b.Start).CompareTo(a.End - a.Start)
            : a.Start.CompareTo(b.Start));
        foreach (var c in candidates)
        {
            if (!Covered(covered, c))
            {
                taken.Add(c);
                Array.Fill(covered, true, c.Start, c.End - c.Start);
            }
        }

        return taken;
    }

    private static void Walk(ScanState s, Node node, int start, int i, int to, NoteScanner? cueCheck, ref Best best)
    {
        if (node.Payload >= 0 && i > best.End && (cueCheck is null || cueCheck.AccentsAgree(s, node.Payload, start)))
        {
            best = new Best(start, i, node.Payload);
        }

        if (i == to)
        {
            return;
        }

        if (node.Exact is { } exact && s.Ids[i] >= 0 && exact.TryGetValue(s.Ids[i], out var next))
        {
            Walk(s, next, start, i + 1, to, cueCheck, ref best);
        }

        if (node.Prefixes is { } prefixes)
        {
            var t = s.Tokens[i];
            var word = s.Folded.AsSpan(t.FoldStart, t.FoldLength);
            // Bucketed by their first two letters: a word is compared only with the prefixes that could start it.
            if (prefixes.Find(word) is { } bucket)
            {
                foreach (var (prefix, after) in bucket)
                {
                    if (word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        Walk(s, after, start, i + 1, to, cueCheck, ref best);
                    }
                }
            }

            if (prefixes.OneLetter is { } short1)
            {
                foreach (var (prefix, after) in short1)
                {
                    if (word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        Walk(s, after, start, i + 1, to, cueCheck, ref best);
                    }
                }
            }
        }

        if (node.Any is { } any)
        {
            Walk(s, any, start, i + 1, to, cueCheck, ref best);
        }

        if (node.Numbers is { } numbers && s.Tokens[i].Number >= 0)
        {
            foreach (var (min, after) in numbers)
            {
                if (s.Tokens[i].Number >= min)
                {
                    Walk(s, after, start, i + 1, to, cueCheck, ref best);
                }
            }
        }
    }

    private bool AccentsAgree(ScanState s, int payload, int start)
    {
        var plain = cueEntries[payload].Plain;
        for (var k = 0; k < plain.Length; k++)
        {
            if (plain[k] && s.Tokens[start + k].Accented)
            {
                return false;
            }
        }

        return true;
    }

    private void Insert(Node root, ScannerPhrase phrase, int payload)
    {
        var node = root;
        foreach (var word in phrase.Words)
        {
            var text = ScannerPhrase.Fold(word.Text);
            if (word.IsWildcard)
            {
                node = node.Any ??= new Node();
            }
            else if (word.IsNumber)
            {
                node.Numbers ??= [];
                var at = node.Numbers.FindIndex(n => n.Min == word.MinNumber);
                if (at < 0)
                {
                    node.Numbers.Add((word.MinNumber, new Node()));
                    at = node.Numbers.Count - 1;
                }

                node = node.Numbers[at].Next;
            }
            else if (word.Prefix)
            {
                node.Prefixes ??= new PrefixEdges();
                var bucket = node.Prefixes.Add(text);
                var at = bucket.FindIndex(p => p.Prefix == text);
                if (at < 0)
                {
                    bucket.Add((text, new Node()));
                    at = bucket.Count - 1;
                }

                node = bucket[at].Next;
            }
            else
            {
                if (!vocabulary.TryGetValue(text, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[text] = id;
                }

                node.Exact ??= [];
                if (!node.Exact.TryGetValue(id, out var next))
                {
                    next = new Node();
                    node.Exact[id] = next;
                }

                node = next;
            }
        }

        // The loaders refuse two phrases that fold alike in one list, so a node ends at most one phrase;
        // the cue lists' shared phrases are merged before they get here.
        if (node.Payload < 0)
        {
            node.Payload = payload;
        }
    }

    private sealed class Node
    {
        public Dictionary<int, Node>? Exact;
        public PrefixEdges? Prefixes;
        public Node? Any;
        public List<(int Min, Node Next)>? Numbers;
        public int Payload = -1;
    }

    /// <summary>A node's prefix words by their first two (folded) letters; the rare one-letter prefixes apart.</summary>
    private sealed class PrefixEdges
    {
        private readonly Dictionary<int, List<(string Prefix, Node Next)>> byTwoLetters = [];

        public List<(string Prefix, Node Next)>? OneLetter { get; private set; }

        public List<(string Prefix, Node Next)>? Find(ReadOnlySpan<char> word) =>
            word.Length >= 2 ? byTwoLetters.GetValueOrDefault(Key(word)) : null;

        public List<(string Prefix, Node Next)> Add(string prefix)
        {
            if (prefix.Length == 1)
            {
                return OneLetter ??= [];
            }

            if (!byTwoLetters.TryGetValue(Key(prefix), out var bucket))
            {
                byTwoLetters[Key(prefix)] = bucket = [];
            }

            return bucket;
        }

        private static int Key(ReadOnlySpan<char> word) => word[0] << 16 | word[1];
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
    }

    private sealed record CueEntry(CueRoles Roles, ScannerPhrase Phrase, bool[] Plain);

    private readonly record struct Match(int Start, int End, int Payload);

    private readonly record struct Best(int Start, int End, int Payload);

    private const int KeptScratchChars = 1 << 20;

    [ThreadStatic]
    private static ScanState? scratch;

    private sealed class ScanState
    {
        public string Text { get; private set; } = "";
        public char[] Folded { get; private set; } = [];
        public List<Token> Tokens { get; } = [];
        public List<int> Questions { get; } = [];
        public int[] Ids { get; private set; } = [];
        public List<Match> TermCandidates { get; } = [];
        public List<Match> TermTaken { get; } = [];
        public List<Match> CueCandidates { get; } = [];
        public List<Match> CueTaken { get; } = [];
        public List<Match> Terminators { get; } = [];
        public bool[] TermCovered { get; private set; } = [];
        public bool[] CueCovered { get; private set; } = [];

        public void Reset(string text)
        {
            Text = text;
            if (Folded.Length < text.Length)
            {
                Folded = new char[Math.Max(text.Length, Folded.Length * 2)];
            }

            Tokens.Clear();
            Questions.Clear();
        }

        public void Release()
        {
            Array.Clear(Folded, 0, Math.Min(Text.Length, Folded.Length));
            Text = "";
        }

        public int[] IdsFor(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new int[Math.Max(count, Ids.Length * 2)];
                TermCovered = new bool[Ids.Length];
                CueCovered = new bool[Ids.Length];
            }

            return Ids;
        }
    }
}

/// <summary>A word of a note: its span in the original text, its folded form in a shared buffer, its sentence.</summary>
internal readonly record struct Token(int Start, int End, int FoldStart, int FoldLength, int Sentence, bool Accented, int Number);

/// <summary>Tokenizing and folding a note in one pass, without a string per word.</summary>
internal static class NoteText
{
    // Folded form of each char up to U+024F (Latin, Latin-1, Latin Extended-A/B), '\0' for a combining mark.
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                table[c] = '\0';
                continue;
            }

            var folded = ScannerPhrase.Fold(ch.ToString());
            table[c] = folded.Length == 1 ? folded[0] : char.ToLowerInvariant(ch);
        }

        return table;
    }

    public static char Fold(char c, out bool accented)
    {
        accented = false;
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is '\u2019' or '\u2018')
        {
            return '\'';
        }

        if (c >= 0x300 && c <= 0x36F)
        {
            accented = true;
            return '\0';
        }

        if (c < FoldTable.Length)
        {
            var f = FoldTable[c];
            accented = f != char.ToLowerInvariant(c);
            return f;
        }

        return char.ToLowerInvariant(c);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // Hyphens separate words ("26-year-old" is three), as they do in phrases; an apostrophe joins ("doesn't").
    private static bool IsJoiner(char c) => c is '\'' or '\u2019';

    // . ! ? ; and line breaks end a sentence, except a . between digits (2.5). A colon does not: a checklist's
    // "Tattoos: none" and "Possessions: hotel keys, cash: none" are one statement; a heading ends at its line break.
    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c == '.')
        {
            return !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
        }

        return c is '!' or '?' or ';' or '\n' or '\r' or '\u2026';
    }

    /// <summary>
    /// Splits a note into folded words in <paramref name="folded"/>, each with its sentence's number; the numbers of
    /// the sentences that end with a question mark go in <paramref name="questions"/>, in order.
    /// </summary>
    public static void Tokenize(string text, char[] folded, List<Token> tokens, List<int> questions)
    {
        var sentence = 0;
        var fold = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (EndsSentence(text, i))
                {
                    if (c == '?' && (questions.Count == 0 || questions[^1] != sentence))
                    {
                        questions.Add(sentence);
                    }

                    sentence++;
                }

                i++;
                continue;
            }

            var start = i;
            var foldStart = fold;
            var accented = false;
            var number = 0;
            while (i < text.Length)
            {
                c = text[i];

                // Most notes are mostly ASCII: a lowercase letter needs no folding or table.
                if (c is >= 'a' and <= 'z')
                {
                    number = -1;
                    folded[fold++] = c;
                    i++;
                    continue;
                }

                if (IsWordChar(c) || (IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    var f = Fold(c, out var a);
                    accented |= a;
                    // The word's value when it is all digits (capped, so a long number stays large), else -1.
                    number = number < 0 || c is < '0' or > '9' ? -1 : number >= 100_000_000 ? 1_000_000_000 : number * 10 + (c - '0');
                    if (f != '\0')
                    {
                        folded[fold++] = f;
                    }

                    i++;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(start, i, foldStart, fold - foldStart, sentence, accented, number));
        }
    }
}
