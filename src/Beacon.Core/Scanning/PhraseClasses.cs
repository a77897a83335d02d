using System.Text.RegularExpressions;

namespace Beacon.Core.Scanning;

/// <summary>
/// A lexicon's word classes: <c>"classes": { "gift": ["clothes", "shoes", "nails"] }</c> lets a phrase say
/// <c>buy* her ** @gift</c> once for every gift, so the ways people combine a verb and its object are written as a
/// product, not listed one by one. An alternative is itself a phrase (it may have several words, <c>*</c>, <c>#</c>,
/// <c>**</c>) but names no class.
/// </summary>
public static partial class PhraseClasses
{
    /// <summary>More phrases than this from one line is a mistake (two broad classes multiplied), not a lexicon.</summary>
    public const int MostPerPhrase = 2_000;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string name, Dictionary<string, List<string?>?>? classes)
    {
        var read = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (className, alternatives) in classes ?? [])
        {
            var at = $"{name}: classes.{className}";
            if (!ClassName().IsMatch(className))
            {
                throw new InvalidDataException($"{at}: a class name is lowercase letters, digits and hyphens.");
            }

            if (alternatives is null || alternatives.Count == 0)
            {
                throw new InvalidDataException($"{at}: no alternatives.");
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alternative in alternatives)
            {
                if (alternative is not null && alternative.Contains('@', StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{at}: \"{alternative}\": an alternative cannot name a class.");
                }

                var phrase = ScannerPhrase.TryParse(alternative, out var why)
                    ?? throw new InvalidDataException($"{at}: \"{alternative}\": {why}.");
                if (!keys.Add(phrase.Key))
                {
                    throw new InvalidDataException($"{at}: \"{alternative}\" is listed twice (accents and case do not count).");
                }
            }

            read[className] = alternatives.Select(a => a!).ToList();
        }

        return read;
    }

    /// <summary>The phrase's texts with each <c>@class</c> word replaced by each of its alternatives.</summary>
    public static IReadOnlyList<string> Expand(string at, string? text, IReadOnlyDictionary<string, IReadOnlyList<string>> classes)
    {
        if (text is null || !text.Contains('@', StringComparison.Ordinal))
        {
            return [text ?? ""];
        }

        List<string> texts = [""];
        foreach (var word in text.Split(' '))
        {
            IReadOnlyList<string> choices = [word];
            if (word.StartsWith('@'))
            {
                choices = classes.GetValueOrDefault(word[1..])
                    ?? throw new InvalidDataException($"{at}: phrase \"{text}\": there is no class \"{word[1..]}\" in classes.");
            }

            texts = texts.SelectMany(t => choices.Select(c => t.Length == 0 ? c : t + " " + c)).ToList();
            if (texts.Count > MostPerPhrase)
            {
                throw new InvalidDataException($"{at}: phrase \"{text}\" makes more than {MostPerPhrase:N0} phrases; split it.");
            }
        }

        return texts.ToList();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ClassName();
}
