using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Beacon.Core.Catalog;
using Beacon.Core.Jurisdictions;

namespace Beacon.Core.Screening;

/// <summary>An instrument file that cannot be used; the message names the file, the field and what is wrong.</summary>
public sealed class InstrumentException(string message) : Exception(message);

/// <summary>
/// Reads and checks instrument files (format: docs/instruments.md; schema:
/// content/instruments/instrument.schema.json). Unknown properties are refused, so a typo cannot
/// silently drop a rule.
/// </summary>
public static partial class InstrumentLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // Uploaded files are checked here too: a null for a non-nullable member is an error naming it, not a crash later.
        RespectNullableAnnotations = true,
    };

    public static IReadOnlyList<Instrument> LoadDirectory(string directory, IndicatorCatalog catalog)
    {
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : throw new InstrumentException($"Instrument folder '{directory}' does not exist.");
        var instruments = files.Select(f => LoadFile(f, catalog)).ToList();
        var twice = instruments.GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? instruments : throw new InstrumentException($"{twice.Key} is defined by more than one file.");
    }

    public static Instrument LoadFile(string path, IndicatorCatalog catalog) =>
        Parse(Path.GetFileName(path), File.ReadAllText(path), catalog);

    /// <summary>
    /// Parses and checks one instrument. A file under content/instruments/ must be named
    /// "&lt;id&gt;.v&lt;version&gt;.json"; an uploaded file (<paramref name="matchFileName"/> false) may
    /// have any name, which is only used in messages.
    /// </summary>
    public static Instrument Parse(string fileName, string json, IndicatorCatalog catalog, bool matchFileName = true)
    {
        InstrumentFile? file;
        try
        {
            file = JsonSerializer.Deserialize<InstrumentFile>(json, Json);
        }
        catch (JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path.TrimStart('$', '.')}";
            throw new InstrumentException($"{fileName}{at}: {FirstSentence(ex.Message)}");
        }

        if (file is null)
        {
            throw new InstrumentException($"{fileName}: the file is empty.");
        }

        return new Checker(fileName, catalog, matchFileName).Check(file);
    }

    private static string FirstSentence(string message)
    {
        // The serializer's own words for a null name a .NET type and its annotations; an administrator needs less.
        if (NullMessage().IsMatch(message))
        {
            return "must not be null.";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^The property or field '[^']*' on type '[^']*' doesn't allow setting null values")]
    private static partial Regex NullMessage();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();

    private sealed class Checker(string fileName, IndicatorCatalog catalog, bool matchFileName)
    {
        public Instrument Check(InstrumentFile f)
        {
            Require("id", IdPattern().IsMatch(f.Id), "must be kebab-case");
            Require("version", f.Version >= 1, "must be a whole number of at least 1");
            Require("id", !matchFileName || fileName == $"{f.Id}.v{f.Version}.json", $"and version must match the file name ({f.Id}.v{f.Version}.json)");
            Require("status", f.Status is "active" or "retired", "must be \"active\" or \"retired\"");
            Require("audience", f.Audience is "public" or "staff", "must be \"public\" or \"staff\"");
            var used = new HashSet<string>(StringComparer.Ordinal);
            var sections = f.Sections.Select((s, si) => Section(s, $"sections[{si}]", used)).ToList();
            Require("sections", sections.Sum(s => s.Items.Count) > 0, "must hold at least one item");
            var rules = f.Rules.Select((r, ri) => Rule(r, $"rules[{ri}]")).ToList();
            Require("rules", rules.Count > 0, "must hold at least one rule");
            Require("rules", rules.Select(r => r.Id).Distinct().Count() == rules.Count, "ids must be unique");
            var domains = sections.SelectMany(s => s.Items).Select(i => i.Domain).ToHashSet(StringComparer.Ordinal);
            // Two of Beacon's scoring properties hold for every instrument, imported ones too: a met
            // definition of exploitation is clear concern, and any sign of trafficking is worth a look.
            Require("rules", !domains.Contains("exploitation") || rules.Any(r => SingleItemRule(r, "exploitation", ConcernLevel.Clear, 2)),
                "must make any exploitation item rated 2 give clear (a rule: level clear, domains including exploitation, minAnswer 2 or less, minCount 1)");
            Require("rules", !domains.Contains("trafficking") || rules.Any(r => SingleItemRule(r, "trafficking", ConcernLevel.Possible, 1)),
                "must make any trafficking item rated 1 or more give at least possible (a rule: domains including trafficking, minAnswer 1, minCount 1)");
            var sources = (f.Sources ?? []).Select((s, i) =>
            {
                Require($"sources[{i}]", s is not null, "must not be null");
                Require($"sources[{i}].title", !string.IsNullOrWhiteSpace(s.Title), "is required");
                return new InstrumentSource(s.Id, s.Title, s.Url);
            }).ToList();
            return new Instrument
            {
                Id = f.Id, Version = f.Version, Retired = f.Status == "retired",
                Audience = f.Audience == "public" ? InstrumentAudience.Public : InstrumentAudience.Staff,
                Title = Text(f.Title, "title"), Description = Text(f.Description, "description"),
                ScaleNone = Text(f.Scale.None, "scale.none"), ScalePossible = Text(f.Scale.Possible, "scale.possible"),
                ScaleClear = Text(f.Scale.Clear, "scale.clear"), ScaleUnknown = Text(f.Scale.Unknown, "scale.unknown"),
                Sections = sections, Rules = rules, Sources = sources,
            };
        }

        private static bool SingleItemRule(ScoringRule rule, string domain, ConcernLevel atLeast, int minAnswer) =>
            rule.Level >= atLeast && rule.Domains.Contains(domain) && rule.MinAnswer <= minAnswer && rule.MinCount == 1;

        private InstrumentSection Section(SectionFile s, string at, HashSet<string> used)
        {
            // List elements are not covered by RespectNullableAnnotations: each list's entries are checked here.
            Require(at, s is not null, "must not be null");
            Require($"{at}.id", IdPattern().IsMatch(s.Id), "must be kebab-case");
            var items = s.Items.Select((item, ii) =>
            {
                var here = $"{at}.items[{ii}]";
                Require(here, item is not null, "must not be null");
                var domain = catalog.DomainOf(item.Id);
                Require($"{here}.id", domain is not null, $"'{item.Id}' is not a catalog ID");
                foreach (var also in item.Also ?? [])
                {
                    Require($"{here}.also", also is not null && catalog.Contains(also), $"'{also}' is not a catalog ID");
                    Require($"{here}.also", used.Add(also), $"'{also}' is used twice in this instrument");
                }

                Require($"{here}.id", used.Add(item.Id), $"'{item.Id}' is used twice in this instrument");
                return new InstrumentItem(item.Id, item.Also ?? [], domain!, Text(item.Text, $"{here}.text"), Text(item.Help, $"{here}.help"));
            }).ToList();
            return new InstrumentSection(s.Id, Text(s.Title, $"{at}.title"), items);
        }

        private ScoringRule Rule(RuleFile r, string at)
        {
            Require(at, r is not null, "must not be null");
            Require($"{at}.id", IdPattern().IsMatch(r.Id), "must be kebab-case");
            Require($"{at}.level", r.Level is "possible" or "clear", "must be \"possible\" or \"clear\"");
            Require($"{at}.domains", r.Domains.Count > 0, "must name at least one catalog domain");
            foreach (var d in r.Domains)
            {
                Require($"{at}.domains", catalog.Domains.Any(x => x.Id == d), $"'{d}' is not a catalog domain");
                Require($"{at}.domains", d != "risk", "must not include risk: risk factors are reported, never scored as signs");
            }

            Require($"{at}.minAnswer", r.MinAnswer is 1 or 2, "must be 1 or 2");
            Require($"{at}.minCount", r.MinCount >= 1, "must be at least 1");
            var level = r.Level == "clear" ? ConcernLevel.Clear : ConcernLevel.Possible;
            return new ScoringRule(r.Id, level, r.Domains, r.MinAnswer, r.MinCount, Text(r.Why, $"{at}.why"));
        }

        private LocalizedText Text(TextFile? t, string at)
        {
            Require(at, !string.IsNullOrWhiteSpace(t?.En) && !string.IsNullOrWhiteSpace(t?.Es), "needs both \"en\" and \"es\"");
            return new LocalizedText(t!.En!.Trim(), t.Es!.Trim());
        }

        private void Require(string field, [DoesNotReturnIf(false)] bool ok, string what)
        {
            if (!ok)
            {
                throw new InstrumentException($"{fileName}: {field} {what}.");
            }
        }
    }

    // The file's shape. Required members make a missing field an error that names it.
    private sealed class InstrumentFile
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }
        public required string Id { get; set; }
        public required int Version { get; set; }
        public required string Status { get; set; }
        public required string Audience { get; set; }
        public required TextFile Title { get; set; }
        public required TextFile Description { get; set; }
        public required ScaleFile Scale { get; set; }
        public required List<SectionFile> Sections { get; set; }
        public required List<RuleFile> Rules { get; set; }
        public List<SourceFile>? Sources { get; set; }
    }

    private sealed class TextFile
    {
        public string? En { get; set; }
        public string? Es { get; set; }
    }

    private sealed class ScaleFile
    {
        public required TextFile None { get; set; }
        public required TextFile Possible { get; set; }
        public required TextFile Clear { get; set; }
        public required TextFile Unknown { get; set; }
    }

    private sealed class SectionFile
    {
        public required string Id { get; set; }
        public required TextFile Title { get; set; }
        public required List<ItemFile> Items { get; set; }
    }

    private sealed class ItemFile
    {
        public required string Id { get; set; }
        public List<string>? Also { get; set; }
        public required TextFile Text { get; set; }
        public required TextFile Help { get; set; }
    }

    private sealed class RuleFile
    {
        public required string Id { get; set; }
        public required string Level { get; set; }
        public required List<string> Domains { get; set; }
        public required int MinAnswer { get; set; }
        public required int MinCount { get; set; }
        public required TextFile Why { get; set; }
    }

    private sealed class SourceFile
    {
        public required string Id { get; set; }
        public required string Title { get; set; }
        public string? Url { get; set; }
    }
}
