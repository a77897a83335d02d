using System.Globalization;
using System.Text;

namespace Beacon.Core.Content;

public sealed record SearchHit(LearnPage Page, string Snippet, int Score);

/// <summary>
/// Search across the Learn pages of one language. The corpus is a few dozen pages, so a scan
/// with accent- and case-folding beats an index: "explotacion" finds "explotación".
/// </summary>
public static class ContentSearch
{
    public const int MaxQueryLength = 200;

    public static IReadOnlyList<SearchHit> Search(ContentLibrary library, string language, string? query)
    {
        var terms = Tokens(query ?? "").Where(t => t.Length >= 2).Distinct().Take(10).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var page in library.InLanguage(language))
        {
            var title = Fold(page.Title);
            var summary = Fold(page.Summary);
            var body = Fold(page.PlainText);
            if (!terms.All(t => title.Contains(t, StringComparison.Ordinal) || summary.Contains(t, StringComparison.Ordinal) || body.Contains(t, StringComparison.Ordinal)))
            {
                continue;
            }

            var score = terms.Sum(t => (5 * Count(title, t)) + (2 * Count(summary, t)) + Count(body, t));
            hits.Add(new SearchHit(page, Snippet(page.PlainText, body, terms[0]), score));
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Page.Order).ToList();
    }

    /// <summary>
    /// Lower case, accents removed, punctuation to spaces — one character out for each character in,
    /// so a position in the folded text is the same position in the original.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = c < 128 ? c : c.ToString().Normalize(NormalizationForm.FormD)
                .FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark, c);
            builder.Append(char.IsLetterOrDigit(folded) ? char.ToLowerInvariant(folded) : ' ');
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Tokens(string query) =>
        Fold(query.Length > MaxQueryLength ? query[..MaxQueryLength] : query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int Count(string haystack, string term)
    {
        var count = 0;
        for (var i = haystack.IndexOf(term, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(term, i + term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>About 160 characters of the page around the first match.</summary>
    private static string Snippet(string original, string folded, string term)
    {
        var at = Math.Max(0, folded.IndexOf(term, StringComparison.Ordinal));
        var start = Math.Max(0, at - 60);
        var length = Math.Min(160, original.Length - start);
        var snippet = original.Substring(start, length).ReplaceLineEndings(" ").Trim();
        return (start > 0 ? "… " : "") + snippet + (start + length < original.Length ? " …" : "");
    }
}
