using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Beacon.Core.Scanning;

/// <summary>
/// One word of a phrase. <see cref="Prefix"/> means "any word starting with <see cref="Text"/>" (written
/// "motel*"); a lone "*" is a prefix word with empty text, so it matches exactly one word of any kind; a lone
/// "#" (<see cref="IsNumber"/>) matches one word made only of digits ("a # year old", "hombre de # años"), and
/// "#18+" only such a number of at least 18 ("bf #18+": an adult boyfriend); "**" (<see cref="IsGap"/>) skips
/// from none to <see cref="GapMost"/> words of any kind ("buy* her ** clothes": buys her clothes, bought her a lot of
/// new clothes).
/// </summary>
public sealed partial record PhraseWord(string Text, bool Prefix)
{
    public const string Number = "#";
    public const string Gap = "**";

    /// <summary>The most words a gap skips: enough for an article and two adjectives, not for another clause.</summary>
    public const int GapMost = 3;

    public bool IsGap => !Prefix && Text == Gap;

    public bool IsWildcard => Prefix && Text.Length == 0;

    public bool IsNumber => !Prefix && Text.StartsWith('#');

    /// <summary>The least number a number word matches (0 for a plain "#").</summary>
    public int MinNumber => IsNumber && Text.Length > 1 ? int.Parse(Text.AsSpan(1, Text.Length - 2), System.Globalization.CultureInfo.InvariantCulture) : 0;

    internal static bool IsNumberWord(string word) => word == Number || NumberAtLeast().IsMatch(word);

    [GeneratedRegex(@"^#[0-9]{1,6}\+$")]
    private static partial Regex NumberAtLeast();
}

/// <summary>A lexicon or cue phrase as written in content/scanner, split into words for the matcher.</summary>
public sealed partial record ScannerPhrase(string Text, IReadOnlyList<PhraseWord> Words)
{
    /// <summary>
    /// Parses a phrase, or says why it is refused. Phrases are kept strict (lowercase, single spaces, only
    /// letters, digits, ' and - plus a trailing *) so that the data reads the same way the matcher will.
    /// </summary>
    public static ScannerPhrase? TryParse(string? text, out string why)
    {
        why = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            why = "the phrase is empty";
            return null;
        }

        if (text != text.Trim() || text.Contains("  ", StringComparison.Ordinal))
        {
            why = "words must be separated by single spaces, with none at either end";
            return null;
        }

        var words = new List<PhraseWord>();
        foreach (var word in text.Split(' '))
        {
            if (word.Any(char.IsUpper))
            {
                why = $"\"{word}\" has uppercase letters (write lowercase; matching folds case)";
                return null;
            }

            if (word == "*")
            {
                words.Add(new PhraseWord("", true));
                continue;
            }

            if (word == PhraseWord.Gap)
            {
                if (words.Count == 0 || words[^1].IsGap)
                {
                    why = "a ** must come after a word (a phrase does not start with it, and two do not follow each other)";
                    return null;
                }

                words.Add(new PhraseWord(word, false));
                continue;
            }

            if (PhraseWord.IsNumberWord(word))
            {
                words.Add(new PhraseWord(word, false));
                continue;
            }

            if (!WordPattern().IsMatch(word))
            {
                why = $"\"{word}\" has punctuation other than *, ' and - (or a * not at the end of the word)";
                return null;
            }

            // A hyphen separates words, in notes as in phrases: "26-year-old" is "26 year old", "ex-boyfriend" is
            // "ex boyfriend", so one phrase matches both ways of writing it.
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 0; k < parts.Length; k++)
            {
                var prefix = k == parts.Length - 1 && parts[k].EndsWith('*');
                words.Add(new PhraseWord(prefix ? parts[k][..^1] : parts[k], prefix));
            }
        }

        if (words[^1].IsGap)
        {
            why = "a ** must be followed by a word (a phrase does not end with it)";
            return null;
        }

        if (words.All(w => w.IsWildcard || w.IsNumber || w.IsGap))
        {
            why = "a phrase of only *, ** and # would match any words";
            return null;
        }

        return new ScannerPhrase(text, words);
    }

    /// <summary>
    /// The phrase with case and accents folded, as the matcher will compare it: "está" and "esta" are one
    /// phrase, so the duplicate check uses this key.
    /// </summary>
    public string Key => Fold(string.Join(' ', Words.Select(w => w.IsWildcard ? "*" : w.Prefix ? w.Text + "*" : w.Text)));

    /// <summary>Lowercase, without accents (ñ becomes n too), as notes will be folded before matching.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    // Letters (with combining accents), digits, apostrophes and hyphens, at least one letter or digit,
    // then an optional * for "any word starting with this".
    [GeneratedRegex(@"^(?=.*[\p{Ll}\p{Lo}\p{Nd}])[\p{Ll}\p{Lo}\p{Mn}\p{Nd}'-]+\*?$")]
    private static partial Regex WordPattern();
}
