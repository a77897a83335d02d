namespace Beacon.Core.Scanning;

/// <summary>What a scan found, and in which language it read the note.</summary>
public sealed record NoteScan(string Language, IReadOnlyList<Finding> Findings);

/// <summary>
/// A <see cref="NoteScanner"/> for each language Beacon writes notes in, loaded once from the content
/// directory (content/scanner: lexicon.{language}.json and cues.{language}.json).
/// </summary>
public sealed class NoteScanners
{
    private readonly IReadOnlyDictionary<string, NoteScanner> scanners;

    public NoteScanners(IEnumerable<NoteScanner> scanners)
    {
        ArgumentNullException.ThrowIfNull(scanners);
        this.scanners = scanners.ToDictionary(s => s.Language, StringComparer.Ordinal);
        var missing = ScannerLexicon.Languages.Where(l => !this.scanners.ContainsKey(l)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No scanner for {string.Join(", ", missing)}.", nameof(scanners));
        }
    }

    /// <summary>
    /// Loads every language's lexicon and cues from <paramref name="scannerFolder"/> (content/scanner); with a
    /// <paramref name="catalog"/>, a lexicon naming an ID the catalog does not have is refused.
    /// </summary>
    public static NoteScanners Load(string scannerFolder, Catalog.IndicatorCatalog? catalog = null) =>
        new(ScannerLexicon.Languages.Select(language =>
        {
            var path = Path.Combine(scannerFolder, $"lexicon.{language}.json");
            var lexicon = ScannerLexicon.Load(path);
            if (catalog is not null && lexicon.UnknownIndicators(catalog) is [_, ..] unknown)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(path)}: {string.Join(", ", unknown)} is not in the indicator catalog.");
            }

            return new NoteScanner(lexicon, ScannerCues.Load(Path.Combine(scannerFolder, $"cues.{language}.json")));
        }));

    public NoteScanner For(string language) =>
        scanners.TryGetValue(language, out var scanner)
            ? scanner
            : throw new ArgumentException(
                $"Unknown language \"{language}\" (one of {string.Join(", ", ScannerLexicon.Languages)}).", nameof(language));

    /// <summary>Scans a note in the given language, or in the one <see cref="ScannerLanguage.Detect"/> finds.</summary>
    public NoteScan Scan(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lang = language ?? ScannerLanguage.Detect(text);
        return new NoteScan(lang, For(lang).Scan(text));
    }
}
