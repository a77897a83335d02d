using System.Text.Json;
using System.Text.RegularExpressions;
using Beacon.Core.Jurisdictions;

namespace Beacon.Core.Catalog;

/// <summary>One indicator, risk factor, pathway, tactic or venue, with the seed's words and Beacon's own.</summary>
public sealed record CatalogItem(string Id, string SeedText, string Seed, LocalizedText Text, bool Primary);

public sealed record CatalogDomain(string Id, LocalizedText Name, string Seed, IReadOnlyList<CatalogItem> Items);

public sealed record CatalogRole(string Id, LocalizedText Name);

/// <summary>
/// The indicator catalog (content/catalog/indicators.json): the IDs every part of Beacon speaks,
/// so that a screening answer, a flagged phrase and a chart bar mean the same thing.
/// </summary>
public sealed partial class IndicatorCatalog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Dictionary<string, (CatalogDomain Domain, CatalogItem Item)> _byId;

    private IndicatorCatalog(IReadOnlyList<CatalogDomain> domains, IReadOnlyList<CatalogRole> roles)
    {
        Domains = domains;
        Roles = roles;
        _byId = domains.SelectMany(d => d.Items.Select(i => (d, i))).ToDictionary(p => p.i.Id, p => (p.d, p.i));
    }

    public IReadOnlyList<CatalogDomain> Domains { get; }
    public IReadOnlyList<CatalogRole> Roles { get; }
    public IEnumerable<string> AllIds => _byId.Keys;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public CatalogItem? Find(string id) => _byId.TryGetValue(id, out var p) ? p.Item : null;

    public string? DomainOf(string id) => _byId.TryGetValue(id, out var p) ? p.Domain.Id : null;

    public static IndicatorCatalog Load(string path)
    {
        var name = Path.GetFileName(path);
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataException($"{name}: not valid JSON ({ex.Message}).");
        }

        if (file?.Domains is null || file.Domains.Count == 0)
        {
            throw new ReferenceDataException($"{name}: no domains.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in file.Domains)
        {
            foreach (var item in domain.Items ?? [])
            {
                var at = $"{name}: {domain.Id}/{item.Id}";
                if (!IdPattern().IsMatch(item.Id ?? "") || !seen.Add(item.Id!))
                {
                    throw new ReferenceDataException($"{at}: the id must be kebab-case and unique.");
                }

                if (string.IsNullOrWhiteSpace(item.Text?.En) || string.IsNullOrWhiteSpace(item.Text?.Es))
                {
                    throw new ReferenceDataException($"{at}: text needs en and es.");
                }

                if (string.IsNullOrWhiteSpace(item.SeedText) || item.Seed is not ("000" or "004"))
                {
                    throw new ReferenceDataException($"{at}: seedText and seed (000 or 004) are required.");
                }
            }
        }

        var domains = file.Domains.Select(d => new CatalogDomain(d.Id!, d.Name!, d.Seed ?? "",
            (d.Items ?? []).Select(i => new CatalogItem(i.Id!, i.SeedText!, i.Seed!, i.Text!, i.Primary)).ToList())).ToList();
        var roles = (file.Roles ?? []).Select(r => new CatalogRole(r.Id!, r.Name!)).ToList();
        return new IndicatorCatalog(domains, roles);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private sealed class CatalogFile
    {
        public List<DomainDto>? Domains { get; set; }
        public List<RoleDto>? Roles { get; set; }
    }

    private sealed class DomainDto
    {
        public string? Id { get; set; }
        public LocalizedText? Name { get; set; }
        public string? Seed { get; set; }
        public List<ItemDto>? Items { get; set; }
    }

    private sealed class ItemDto
    {
        public string? Id { get; set; }
        public string? SeedText { get; set; }
        public string? Seed { get; set; }
        public LocalizedText? Text { get; set; }
        public bool Primary { get; set; }
    }

    private sealed class RoleDto
    {
        public string? Id { get; set; }
        public LocalizedText? Name { get; set; }
    }
}
