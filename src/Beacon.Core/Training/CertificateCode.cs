using System.Security.Cryptography;

namespace Beacon.Core.Training;

/// <summary>
/// The code printed on a certificate and checked at /verify/&lt;code&gt;: 80 random bits in Crockford's
/// base32, as four groups of four (K7QM-2XHD-9PTA-R4WN). It is unguessable, so a code that Beacon did not
/// issue finds nothing; typed codes are read leniently (case, spaces, O for 0, I or L for 1).
/// </summary>
public static class CertificateCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>The code as stored and printed (with hyphens), or null when the text cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var chars = new List<char>(Length);
        foreach (var raw in typed.ToUpperInvariant())
        {
            var c = raw switch { 'O' => '0', 'I' or 'L' => '1', _ => raw };
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(c);
        }

        return chars.Count == Length ? Format(new string([.. chars])) : null;
    }

    private static string Format(string plain) => string.Join('-', Enumerable.Range(0, 4).Select(i => plain.Substring(i * 4, 4)));
}
