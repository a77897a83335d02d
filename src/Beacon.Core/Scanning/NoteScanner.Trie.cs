namespace Beacon.Core.Scanning;

// The word tries: building them from phrases and finding the longest match at each word.
public sealed partial class NoteScanner
{
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

    // For each start word, its longest match; then longest first (earlier on a tie), dropping overlaps. Lexicon
    // phrases of two different items may overlap in part ("threatened to post nude pictures" is a threat and abuse
    // material); a phrase wholly inside a longer one is dropped, as is one overlapping a phrase of its own item.
    private List<Match> Select(ScanState s, Node root, int from, int to, bool lexicon,
        List<Match> candidates, List<Match> taken, bool[] covered)
    {
        candidates.Clear();
        taken.Clear();
        Array.Clear(covered, from, to - from);
        for (var i = from; i < to; i++)
        {
            var best = new Best(i, -1, -1);
            WalkFirst(s, root, lexicon ? firstTerms : firstCues, i, to, lexicon ? null : this, ref best);
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
        var owner = s.TermOwner;
        foreach (var c in candidates)
        {
            if (Covered(covered, c) && !(lexicon && OverlapsOnlyOtherItems(c, taken, covered, owner)))
            {
                continue;
            }

            taken.Add(c);
            Array.Fill(covered, true, c.Start, c.End - c.Start);
            if (lexicon)
            {
                Array.Fill(owner, taken.Count - 1, c.Start, c.End - c.Start);
            }
        }

        return taken;
    }

    // Whether a lexicon candidate only partly overlaps what is taken, and only other items' phrases. An ignored
    // phrase (an ordinary wording, see ScannerLexicon.Ignore) neither overlaps nor is overlapped.
    private bool OverlapsOnlyOtherItems(Match c, List<Match> taken, bool[] covered, int[] owner)
    {
        if (Ignored(c.Payload) || (covered[c.Start] && covered[c.End - 1] && owner[c.Start] == owner[c.End - 1]))
        {
            return false;
        }

        var item = termEntries[c.Payload].Indicator;
        for (var i = c.Start; i < c.End; i++)
        {
            if (covered[i] && taken[owner[i]].Payload is var other && (Ignored(other) || termEntries[other].Indicator == item))
            {
                return false;
            }
        }

        return true;
    }

    // An ignored wording's entry has no indicator (see ScannerLexicon.Ignore).
    private bool Ignored(int payload) => termEntries[payload].Indicator.Length == 0;

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

        var id = s.Ids[i];
        if (id >= 0)
        {
            if (node.Known is { } known)
            {
                if (known.TryGetValue(id, out var edges))
                {
                    foreach (var next in edges)
                    {
                        Walk(s, next, start, i + 1, to, cueCheck, ref best);
                    }
                }
            }
            else if (node.Exact is { } exact && exact.TryGetValue(id, out var next))
            {
                Walk(s, next, start, i + 1, to, cueCheck, ref best);
            }
        }
        else if (node.Prefixes is { } prefixes)
        {
            WalkPrefixes(s, prefixes, start, i, to, cueCheck, ref best);
        }

        WalkOthers(s, node, start, i, to, cueCheck, ref best);
    }

    // The first word of a phrase, looked up once per word of the vocabulary (see FirstWords) rather than through the
    // root's dictionary and prefix buckets: every word of a note starts a walk, few go further.
    private static void WalkFirst(ScanState s, Node root, Node[][] firstWords, int i, int to, NoteScanner? cueCheck,
        ref Best best)
    {
        var id = s.Ids[i];
        if (id >= 0)
        {
            foreach (var next in firstWords[id])
            {
                Walk(s, next, i, i + 1, to, cueCheck, ref best);
            }
        }
        else if (root.Prefixes is { } prefixes)
        {
            WalkPrefixes(s, prefixes, i, i, to, cueCheck, ref best);
        }

        WalkOthers(s, root, i, i, to, cueCheck, ref best);
    }

    private static void WalkPrefixes(ScanState s, PrefixEdges prefixes, int start, int i, int to, NoteScanner? cueCheck,
        ref Best best)
    {
        var t = s.Tokens[i];
        var word = s.Folded.AsSpan(t.FoldStart, t.FoldLength);
        // Bucketed by their first two letters: a word is compared only with the prefixes that could start it.
        foreach (var edges in (ReadOnlySpan<List<(string, Node)>?>)[prefixes.Find(word), prefixes.OneLetter])
        {
            foreach (var (prefix, after) in edges ?? [])
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Walk(s, after, start, i + 1, to, cueCheck, ref best);
                }
            }
        }
    }

    // The edges that match any word: a wildcard, a gap, a number.
    private static void WalkOthers(ScanState s, Node node, int start, int i, int to, NoteScanner? cueCheck, ref Best best)
    {
        if (node.Any is { } any)
        {
            Walk(s, any, start, i + 1, to, cueCheck, ref best);
        }

        // A gap is never last in a phrase, so the words it skips are followed by at least one more.
        if (node.Gap is { } gap)
        {
            for (var skip = 0; skip <= PhraseWord.GapMost && i + skip < to; skip++)
            {
                Walk(s, gap, start, i + skip, to, cueCheck, ref best);
            }
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

    // For each word of the vocabulary, the root's edges it follows (see Known). Every word of a note starts a walk
    // at the root, so its first step is an array lookup.
    private static Node[][] FirstWords(Node root, int vocabularySize)
    {
        var byWord = new Node[vocabularySize][];
        for (var id = 0; id < vocabularySize; id++)
        {
            byWord[id] = root.Known?.GetValueOrDefault(id) ?? (root.Exact?.GetValueOrDefault(id) is { } next ? [next] : []);
        }

        return byWord;
    }

    // Once the vocabulary is complete, a node with prefix edges learns which words of the vocabulary follow which of
    // its edges (its own word first, then the prefixes it starts with, the order Walk tried them in): a word of a
    // note found in the vocabulary is then one lookup, and only a word outside it is compared with the prefixes.
    private static void LearnKnownWords(Node node, string[] sortedWords, int[] sortedIds)
    {
        if (node.Prefixes is { } prefixes)
        {
            var known = new Dictionary<int, List<Node>>();
            foreach (var (id, next) in node.Exact ?? [])
            {
                known[id] = [next];
            }

            // Words that start with a prefix sort together: one binary search finds where they begin.
            foreach (var (prefix, next) in prefixes.All)
            {
                var at = Array.BinarySearch(sortedWords, prefix, StringComparer.Ordinal);
                for (var k = at < 0 ? ~at : at; k < sortedWords.Length && sortedWords[k].StartsWith(prefix, StringComparison.Ordinal); k++)
                {
                    if (!known.TryGetValue(sortedIds[k], out var edges))
                    {
                        known[sortedIds[k]] = edges = [];
                    }

                    edges.Add(next);
                }
            }

            node.Known = known.ToDictionary(e => e.Key, e => e.Value.ToArray());
        }

        var children = (node.Exact?.Values ?? Enumerable.Empty<Node>())
            .Concat(node.Prefixes?.All.Select(p => p.Next) ?? [])
            .Concat(node.Numbers?.Select(n => n.Next) ?? [])
            .Concat(new[] { node.Any, node.Gap }.OfType<Node>());
        foreach (var child in children)
        {
            LearnKnownWords(child, sortedWords, sortedIds);
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

    // A folded word's number in the vocabulary, added if new: the note's words are looked up once each.
    private int WordId(string folded)
    {
        if (!vocabulary.TryGetValue(folded, out var id))
        {
            id = vocabulary.Count;
            vocabulary[folded] = id;
        }

        return id;
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
            else if (word.IsGap)
            {
                node = node.Gap ??= new Node();
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
                var id = WordId(text);
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
        public Dictionary<int, Node[]>? Known;
        public PrefixEdges? Prefixes;
        public Node? Any;
        public Node? Gap;
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

        /// <summary>Every prefix edge: the two-letter buckets, each in the order added, then the one-letter ones.</summary>
        public IEnumerable<(string Prefix, Node Next)> All => byTwoLetters.Values.SelectMany(b => b).Concat(OneLetter ?? []);
    }

    private readonly record struct Match(int Start, int End, int Payload);

    private readonly record struct Best(int Start, int End, int Payload);
}
