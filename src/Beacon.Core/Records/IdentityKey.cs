using System.Globalization;
using System.Text;

namespace Beacon.Core.Records;

/// <summary>
/// What the duplicate check compares for a youth: the legal name, normalised so that the ways one
/// name is typed agree, and the date of birth. The web host keeps only an HMAC of it (a blind index).
/// </summary>
/// <remarks>
/// <para>Accents and case do not count ("María José López" is "maria jose lopez"; "Núñez" is "nunez"),
/// because intake forms are typed on keyboards without them. Punctuation and spacing separate words
/// ("García-Márquez" is "garcia marquez"), apostrophes do not ("O'Brien" is "obrien").</para>
/// <para>Word order does not count: the words are sorted, so "López, María" and "María López" agree.
/// Two youths with the same words in another order and the same date of birth would be flagged;
/// that is a prompt to a caseworker, never a merge, so recall wins over that rare false match.</para>
/// <para>No date of birth, no key: a name alone is shared by many youths in a county, so matching
/// on it would flag strangers. Particles and dropped second surnames ("María de la Cruz" against
/// "María Cruz") are not matched; the check is a hint, not a search.</para>
/// </remarks>
public static class IdentityKey
{
    /// <summary>The key, or null when there is no date of birth or no letter or digit in the name.</summary>
    public static string? For(string? legalName, DateOnly? dateOfBirth)
    {
        var name = NormaliseName(legalName ?? "");
        return name.Length == 0 || dateOfBirth is null
            ? null
            : name + "|" + dateOfBirth.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string NormaliseName(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                // An accent (after decomposition) or an apostrophe is part of the word, not a break.
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
