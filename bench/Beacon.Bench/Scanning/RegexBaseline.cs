using System.Text.RegularExpressions;
using Beacon.Core.Scanning;

namespace Beacon.Bench.Scanning;

/// <summary>
/// The straightforward way to find the lexicon in a note: one compiled .NET Regex, an alternation of every phrase
/// (longest first, so the longest phrase wins at a position), case-insensitive, on word boundaries. It finds terms
/// only — no cues, no sentences, no negation — so it is the floor the scanner's speed is compared with.
/// </summary>
public sealed class RegexBaseline
{
    private readonly Regex regex;

    public RegexBaseline(ScannerLexicon lexicon)
    {
        var alternatives = lexicon.Terms.Values.SelectMany(p => p).Select(Pattern).OrderByDescending(a => a.Length);
        regex = new Regex(@"\b(?:" + string.Join('|', alternatives) + @")\b",
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    // Words joined by non-word characters, as the scanner reads them; a gap is up to three more words.
    private static string Pattern(ScannerPhrase phrase)
    {
        var pattern = new System.Text.StringBuilder();
        foreach (var w in phrase.Words)
        {
            if (w.IsGap)
            {
                pattern.Append(@"(?:\W+\w+){0,").Append(PhraseWord.GapMost).Append('}');
                continue;
            }

            if (pattern.Length > 0)
            {
                pattern.Append(@"\W+");
            }

            pattern.Append(w.IsWildcard ? @"\w+" : w.IsNumber ? @"\d+" : w.Prefix ? Regex.Escape(w.Text) + @"\w*" : Regex.Escape(w.Text));
        }

        return pattern.ToString();
    }

    public int Count(string text)
    {
        var n = 0;
        foreach (var _ in regex.EnumerateMatches(text))
        {
            n++;
        }

        return n;
    }
}
