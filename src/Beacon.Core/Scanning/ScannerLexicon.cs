using Beacon.Core.Catalog;

namespace Beacon.Core.Scanning;

/// <summary>
/// The note scanner's lexicon for one language (content/scanner/lexicon.{en,es}.json): for each catalog
/// item ID, the phrases that, found in a case note, point to it. Only data; the matcher is separate.
/// </summary>
public sealed class ScannerLexicon
{
    /// <summary>The languages Beacon writes notes in; the scanner has one lexicon and one cue file for each.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    private ScannerLexicon(string language, IReadOnlyDictionary<string, IReadOnlyList<ScannerPhrase>> terms,
        IReadOnlyList<ScannerPhrase> ignore)
    {
        Language = language;
        Terms = terms;
        Ignore = ignore;
    }

    public string Language { get; }

    /// <summary>Catalog item ID → its phrases, in file order, each <c>@class</c> spelled out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ScannerPhrase>> Terms { get; }

    /// <summary>
    /// Ordinary wordings that contain an item's phrase but do not state the item ("wants to get a tattoo when she
    /// turns 18", "gave up soda"): the matcher prefers them, being longer, and reports nothing for them.
    /// </summary>
    public IReadOnlyList<ScannerPhrase> Ignore { get; }

    public static ScannerLexicon Load(string path)
    {
        var name = Path.GetFileName(path);
        var file = ScannerJson.Read<LexiconFile>(path);
        var language = ScannerJson.CheckLanguage(name, file.Language);
        if (file.Terms is null || file.Terms.Count == 0)
        {
            throw new InvalidDataException($"{name}: terms: there are none.");
        }

        var classes = PhraseClasses.Read(name, file.Classes);
        var terms = new Dictionary<string, IReadOnlyList<ScannerPhrase>>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal); // folded phrase → indicator
        for (var i = 0; i < file.Terms.Count; i++)
        {
            var term = file.Terms[i];
            var id = term.Indicator ?? "";
            var at = $"{name}: terms[{i}] ({(id.Length == 0 ? "no indicator" : id)})";
            if (id.Length == 0 || terms.ContainsKey(id))
            {
                throw new InvalidDataException($"{at}: each term needs an indicator ID, and each ID one term.");
            }

            if (term.Phrases is null || term.Phrases.Count == 0)
            {
                throw new InvalidDataException($"{at}: no phrases.");
            }

            var phrases = new List<ScannerPhrase>();
            foreach (var text in term.Phrases)
            {
                foreach (var expanded in PhraseClasses.Expand(at, text, classes))
                {
                    var phrase = ScannerPhrase.TryParse(expanded, out var why)
                        ?? throw new InvalidDataException(expanded == text
                            ? $"{at}: phrase \"{text}\": {why}."
                            : $"{at}: phrase \"{text}\" as \"{expanded}\": {why}.");

                    // One phrase, one meaning: a match must say which indicator it found. A class may spell out a
                    // phrase the ID already has; that is the same phrase, once.
                    if (owner.TryGetValue(phrase.Key, out var had))
                    {
                        if (had == id && expanded != text)
                        {
                            continue;
                        }

                        throw new InvalidDataException(
                            $"{at}: phrase \"{text}\"{(expanded == text ? "" : $" as \"{expanded}\"")} is already under {had} (accents and case do not count).");
                    }

                    owner[phrase.Key] = id;
                    phrases.Add(phrase);
                }
            }

            terms[id] = phrases;
        }

        var ignore = new List<ScannerPhrase>();
        for (var i = 0; i < (file.Ignore?.Count ?? 0); i++)
        {
            var text = file.Ignore![i];
            var phrase = ScannerPhrase.TryParse(text, out var why)
                ?? throw new InvalidDataException($"{name}: ignore[{i}]: phrase \"{text}\": {why}.");
            if (!owner.TryAdd(phrase.Key, ""))
            {
                throw new InvalidDataException(owner[phrase.Key].Length == 0
                    ? $"{name}: ignore[{i}]: phrase \"{text}\" is listed twice (accents and case do not count)."
                    : $"{name}: ignore[{i}]: phrase \"{text}\" is under {owner[phrase.Key]}: it cannot be ignored too.");
            }

            ignore.Add(phrase);
        }

        return new ScannerLexicon(language, terms, ignore);
    }

    /// <summary>IDs the lexicon uses that the catalog does not have (a typo, or a renamed item).</summary>
    public IReadOnlyList<string> UnknownIndicators(IndicatorCatalog catalog) =>
        Terms.Keys.Where(id => !catalog.Contains(id)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Catalog item IDs the lexicon has no phrases for.</summary>
    public IReadOnlyList<string> MissingIndicators(IndicatorCatalog catalog) =>
        catalog.AllIds.Where(id => !Terms.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();

    private sealed class LexiconFile
    {
        public string? Language { get; set; }
        public Dictionary<string, List<string?>?>? Classes { get; set; }
        public List<TermDto>? Terms { get; set; }
        public List<string?>? Ignore { get; set; }
    }

    private sealed class TermDto
    {
        public string? Indicator { get; set; }
        public List<string?>? Phrases { get; set; }
    }
}
