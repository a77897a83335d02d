namespace Beacon.Core.Scanning;

/// <summary>Tells an English note from a Spanish one by their common function words.</summary>
public static class ScannerLanguage
{
    // Frequent words of one language that are rare in the other (folded: no accents). "no", "a" and "me" are
    // in both, so they count for neither.
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "she", "he", "is", "was", "has", "have", "her", "his", "with", "of", "to", "not", "that",
        "for", "at", "in", "on", "it", "they", "said", "denies", "from", "about", "who", "but", "would", "be",
    };

    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "el", "la", "los", "las", "que", "de", "y", "en", "con", "su", "sus", "es", "esta", "tiene", "por", "una",
        "un", "se", "del", "al", "pero", "dice", "dijo", "niega", "para", "muy", "ella", "lo", "le", "como",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishWords =
        English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanishWords =
        Spanish.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"en" or "es": the language with more of its function words in the text; a tie is "en".</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new char[text.Length];
        var tokens = new List<Token>();
        NoteText.Tokenize(text, folded, tokens, []);
        int en = 0, es = 0;
        foreach (var t in tokens)
        {
            var word = folded.AsSpan(t.FoldStart, t.FoldLength);
            if (EnglishWords.Contains(word))
            {
                en++;
            }
            else if (SpanishWords.Contains(word))
            {
                es++;
            }
        }

        return es > en ? "es" : "en";
    }
}
