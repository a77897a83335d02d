using System.Text.Json;
using Beacon.Core.Catalog;

namespace Beacon.Core.Scanning.Evaluation;

/// <summary>What a corpus label says a mention is: the youth's, denied, only possible, or someone else's.</summary>
public enum GoldStatus
{
    Present,
    Negated,
    Uncertain,
    Other,
}

/// <summary>A hand-labelled mention: the catalog item, its status, and where its quoted words are in the note.</summary>
public sealed record GoldMention(string Indicator, GoldStatus Status, int Start, int End);

/// <summary>One labelled note of the development corpus.</summary>
public sealed record CorpusNote(string Id, string Kind, string Text, IReadOnlyList<GoldMention> Mentions);

/// <summary>
/// The scanner's labelled development corpus for one language (tests/Beacon.Core.Tests/Scanning/Corpus/notes.{lang}.jsonl):
/// one <c>{"id","kind","text","mentions":[{"indicator","status","quote","occurrence"?}]}</c> per line. A line that
/// does not hold together (unknown ID or status, a quote not in the text) is refused with the file, line and why:
/// a wrong label would make every figure computed from it wrong.
/// </summary>
public sealed class ScannerCorpus
{
    public static readonly IReadOnlyList<string> Kinds = ["case-note", "tip", "call", "report", "screen-narrative"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private ScannerCorpus(string language, IReadOnlyList<CorpusNote> notes)
    {
        Language = language;
        Notes = notes;
    }

    public string Language { get; }
    public IReadOnlyList<CorpusNote> Notes { get; }

    /// <summary>The corpus files in <paramref name="folder"/>, one per language that has one.</summary>
    public static IReadOnlyList<ScannerCorpus> LoadFolder(string folder, IndicatorCatalog catalog) =>
        ScannerLexicon.Languages
            .Select(l => Path.Combine(folder, $"notes.{l}.jsonl"))
            .Where(File.Exists)
            .Select(p => Load(p, catalog))
            .ToList();

    public static ScannerCorpus Load(string path, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var name = Path.GetFileName(path);
        var parts = name.Split('.');
        var language = parts.Length == 3 && parts[0] == "notes" && parts[2] == "jsonl"
            ? ScannerJson.CheckLanguage(name, parts[1])
            : throw new InvalidDataException($"{name}: a corpus file is named notes.<language>.jsonl.");
        var notes = new List<CorpusNote>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var at = $"{name}:{number}";
            NoteDto dto;
            try
            {
                dto = JsonSerializer.Deserialize<NoteDto>(line, Options) ?? throw new InvalidDataException($"{at}: null.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{at}: not valid JSON ({ex.Message}).", ex);
            }

            notes.Add(Read(dto, at, catalog, ids));
        }

        return new ScannerCorpus(language, notes);
    }

    private static CorpusNote Read(NoteDto dto, string at, IndicatorCatalog catalog, HashSet<string> ids)
    {
        if (string.IsNullOrWhiteSpace(dto.Id) || !ids.Add(dto.Id))
        {
            throw new InvalidDataException($"{at}: id \"{dto.Id}\": missing or used before.");
        }

        at = $"{at} ({dto.Id})";
        if (dto.Kind is null || !Kinds.Contains(dto.Kind))
        {
            throw new InvalidDataException($"{at}: kind \"{dto.Kind}\": one of {string.Join(", ", Kinds)}.");
        }

        if (string.IsNullOrWhiteSpace(dto.Text))
        {
            throw new InvalidDataException($"{at}: text: empty.");
        }

        var mentions = new List<GoldMention>();
        foreach (var (m, i) in (dto.Mentions ?? throw new InvalidDataException($"{at}: mentions: missing (write [] for none).")).Select((m, i) => (m, i)))
        {
            var where = $"{at}: mentions[{i}]";
            if (m.Indicator is null || !catalog.Contains(m.Indicator))
            {
                throw new InvalidDataException($"{where}: indicator \"{m.Indicator}\" is not in the catalog.");
            }

            GoldStatus? status = m.Status switch
            {
                "present" => GoldStatus.Present,
                "negated" => GoldStatus.Negated,
                "uncertain" => GoldStatus.Uncertain,
                "other" => GoldStatus.Other,
                _ => null,
            };
            if (status is null)
            {
                throw new InvalidDataException($"{where}: status \"{m.Status}\": one of present, negated, uncertain, other.");
            }

            var start = Find(dto.Text, m.Quote, m.Occurrence ?? 1)
                ?? throw new InvalidDataException($"{where}: quote \"{m.Quote}\" (occurrence {m.Occurrence ?? 1}) is not in the text.");
            mentions.Add(new GoldMention(m.Indicator, status.Value, start, start + m.Quote!.Length));
        }

        return new CorpusNote(dto.Id, dto.Kind, dto.Text, mentions);
    }

    private static int? Find(string text, string? quote, int occurrence)
    {
        if (string.IsNullOrEmpty(quote) || occurrence < 1)
        {
            return null;
        }

        var at = -1;
        for (var n = 0; n < occurrence; n++)
        {
            at = text.IndexOf(quote, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }
        }

        return at;
    }

    private sealed class NoteDto
    {
        public string? Id { get; set; }
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public List<MentionDto>? Mentions { get; set; }
    }

    private sealed class MentionDto
    {
        public string? Indicator { get; set; }
        public string? Status { get; set; }
        public string? Quote { get; set; }
        public int? Occurrence { get; set; }
    }
}
