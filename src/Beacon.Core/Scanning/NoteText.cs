using System.Globalization;

namespace Beacon.Core.Scanning;

/// <summary>
/// A word of a note: its span in the original text, its folded form in a shared buffer, its sentence, whether a
/// letter in it carried an accent, its value when it is all digits (else -1), and whether a comma stands between it
/// and the word before (not one between digits, as in 1,000).
/// </summary>
internal readonly record struct Token(int Start, int End, int FoldStart, int FoldLength, int Sentence, bool Accented, int Number,
    bool CommaBefore);

/// <summary>Tokenizing and folding a note in one pass, without a string per word.</summary>
internal static class NoteText
{
    // Folded form of each char up to U+024F (Latin, Latin-1, Latin Extended-A/B), '\0' for a combining mark.
    private static readonly char[] FoldTable = BuildFoldTable();

    // Whether folding each char of FoldTable took an accent (or other mark) off it, looked up rather than recomputed.
    private static readonly bool[] AccentTable = BuildAccentTable();

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

    private static bool[] BuildAccentTable()
    {
        var table = new bool[FoldTable.Length];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = FoldTable[c] != char.ToLowerInvariant((char)c);
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
            accented = AccentTable[c];
            return FoldTable[c];
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
        var comma = false;
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
                    comma = false;
                }
                else if (c == ',' && !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])))
                {
                    comma = true;
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

                // Most notes are mostly ASCII: a letter needs no table, a digit no Unicode category.
                if (c is >= 'a' and <= 'z')
                {
                    number = -1;
                    folded[fold++] = c;
                    i++;
                    continue;
                }

                if (c is >= 'A' and <= 'Z')
                {
                    number = -1;
                    folded[fold++] = (char)(c + 32);
                    i++;
                    continue;
                }

                if (c is >= '0' and <= '9')
                {
                    // The word's value while it is all digits (capped, so a long number stays large), else -1.
                    number = number < 0 ? -1 : number >= 100_000_000 ? 1_000_000_000 : number * 10 + (c - '0');
                    folded[fold++] = c;
                    i++;
                    continue;
                }

                if (c is ' ' or ',' or '.')
                {
                    break;
                }

                if (IsWordChar(c) || (IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    var f = Fold(c, out var a);
                    accented |= a;
                    // Not an ASCII digit (those took the path above): the word is not a number.
                    number = -1;
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

            tokens.Add(new Token(start, i, foldStart, fold - foldStart, sentence, accented, number, comma));
            comma = false;
        }
    }
}
