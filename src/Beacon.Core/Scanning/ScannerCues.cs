namespace Beacon.Core.Scanning;

/// <summary>Triggers that reach forward ("denies ...") or back ("... was denied") from where they stand.</summary>
public sealed record CueDirections(IReadOnlyList<ScannerPhrase> Before, IReadOnlyList<ScannerPhrase> After);

/// <summary>
/// NegEx/ConText-style cue lists for one language (content/scanner/cues.{en,es}.json): what makes a
/// finding negated or uncertain, what only looks like a trigger, what ends a trigger's reach, what puts a
/// mention on someone other than the child, and how many words a trigger reaches.
/// </summary>
public sealed class ScannerCues
{
    private ScannerCues(string language, CueDirections negation, CueDirections uncertainty,
        IReadOnlyList<ScannerPhrase> pseudo, IReadOnlyList<ScannerPhrase> terminators,
        IReadOnlyList<ScannerPhrase> otherPerson, IReadOnlyList<ScannerPhrase> youth, IReadOnlyList<string> listJoiners,
        int window)
    {
        Language = language;
        Negation = negation;
        Uncertainty = uncertainty;
        Pseudo = pseudo;
        Terminators = terminators;
        OtherPerson = otherPerson;
        Youth = youth;
        ListJoiners = listJoiners;
        Window = window;
    }

    public string Language { get; }
    public CueDirections Negation { get; }
    public CueDirections Uncertainty { get; }

    /// <summary>Phrases that contain a trigger but are not one ("no longer", "sin duda").</summary>
    public IReadOnlyList<ScannerPhrase> Pseudo { get; }

    public IReadOnlyList<ScannerPhrase> Terminators { get; }
    public IReadOnlyList<ScannerPhrase> OtherPerson { get; }

    /// <summary>
    /// Words for the youth ("she", "yo", "the youth"; "ella", "la joven"): one between an other-person cue and a
    /// mention puts the mention back on the youth ("her friend says she has two phones").
    /// </summary>
    public IReadOnlyList<ScannerPhrase> Youth { get; }

    /// <summary>
    /// Words that join the next item of a list after a comma ("and", "or"): a trigger reaches across a comma only
    /// when what follows it, after one of these, is another phrase of the lexicon ("denies drugs, alcohol, or
    /// hotel keys"); otherwise the comma begins another clause ("would not unlock, and about $400 in cash ...").
    /// </summary>
    public IReadOnlyList<string> ListJoiners { get; }

    /// <summary>How many words a trigger reaches, unless a terminator or a comma that ends a clause comes first.</summary>
    public int Window { get; }

    public static ScannerCues Load(string path)
    {
        var name = Path.GetFileName(path);
        var file = ScannerJson.Read<CuesFile>(path);
        var language = ScannerJson.CheckLanguage(name, file.Language);

        // A window of 0 would make every trigger inert; past 30 words a trigger would reach across sentences.
        if (file.Window is not (>= 1 and <= 30))
        {
            throw new InvalidDataException($"{name}: window: must be a whole number of words from 1 to 30.");
        }

        return new ScannerCues(language,
            Directions(name, "negation", file.Negation),
            Directions(name, "uncertainty", file.Uncertainty),
            List(name, "pseudo", file.Pseudo),
            List(name, "terminators", file.Terminators),
            List(name, "otherPerson", file.OtherPerson),
            List(name, "youth", file.Youth),
            Joiners(name, List(name, "listJoiners", file.ListJoiners)),
            file.Window.Value);
    }

    private static CueDirections Directions(string name, string kind, DirectionsDto? dto) =>
        dto is null
            ? throw new InvalidDataException($"{name}: {kind}: missing (give before and after lists).")
            : new CueDirections(List(name, $"{kind}.before", dto.Before), List(name, $"{kind}.after", dto.After));

    private static List<string> Joiners(string name, List<ScannerPhrase> phrases) =>
        phrases.Select(p => p.Words is [{ Prefix: false, IsNumber: false } word]
                ? ScannerPhrase.Fold(word.Text)
                : throw new InvalidDataException($"{name}: listJoiners: \"{p.Text}\" must be one plain word."))
            .ToList();

    // The same trigger may serve two kinds ("ruled out" before and after), but not twice in one list.
    private static List<ScannerPhrase> List(string name, string kind, List<string?>? texts)
    {
        if (texts is null)
        {
            throw new InvalidDataException($"{name}: {kind}: missing (an empty list [] if there are none).");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new List<ScannerPhrase>();
        foreach (var text in texts)
        {
            var phrase = ScannerPhrase.TryParse(text, out var why)
                ?? throw new InvalidDataException($"{name}: {kind}: phrase \"{text}\": {why}.");
            if (!keys.Add(phrase.Key))
            {
                throw new InvalidDataException($"{name}: {kind}: phrase \"{text}\" is listed twice (accents and case do not count).");
            }

            phrases.Add(phrase);
        }

        return phrases;
    }

    private sealed class CuesFile
    {
        public string? Language { get; set; }
        public DirectionsDto? Negation { get; set; }
        public DirectionsDto? Uncertainty { get; set; }
        public List<string?>? Pseudo { get; set; }
        public List<string?>? Terminators { get; set; }
        public List<string?>? OtherPerson { get; set; }
        public List<string?>? Youth { get; set; }
        public List<string?>? ListJoiners { get; set; }
        public int? Window { get; set; }
    }

    private sealed class DirectionsDto
    {
        public List<string?>? Before { get; set; }
        public List<string?>? After { get; set; }
    }
}
