using Beacon.Core.Catalog;
using Beacon.Core.Screening;

namespace Beacon.Core.Tests.Screening;

/// <summary>The shipped catalog and instruments, found from the test's output folder up to the repository.</summary>
internal static class TestInstruments
{
    /// <summary>The repository's root folder (the one holding Beacon.slnx).</summary>
    public static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Beacon.slnx not found");
    });

    public static readonly Lazy<IndicatorCatalog> Catalog =
        new(() => IndicatorCatalog.Load(Path.Combine(Root.Value, "content", "catalog", "indicators.json")));

    public static readonly Lazy<IReadOnlyList<Instrument>> Shipped =
        new(() => InstrumentLoader.LoadDirectory(Path.Combine(Root.Value, "content", "instruments"), Catalog.Value));

    public static Instrument Get(string id) => Shipped.Value.Single(i => i.Id == id && !i.Retired);

    /// <summary>A minimal valid instrument file, with one place to break it.</summary>
    public static string Minimal(string items = "", string rules = "", string extra = "") => $$"""
        {
          "id": "test-tool", "version": 2, "status": "active", "audience": "staff", {{extra}}
          "title": { "en": "Test", "es": "Prueba" }, "description": { "en": "D", "es": "D" },
          "scale": { "none": { "en": "No", "es": "No" }, "possible": { "en": "Maybe", "es": "Quizá" },
                     "clear": { "en": "Yes", "es": "Sí" }, "unknown": { "en": "?", "es": "?" } },
          "sections": [ { "id": "s", "title": { "en": "S", "es": "S" }, "items": [
            { "id": "hotel-keys", "text": { "en": "Keys?", "es": "¿Llaves?" }, "help": { "en": "h", "es": "h" } }{{items}} ] } ],
          "rules": [ { "id": "t", "level": "possible", "domains": ["trafficking"], "minAnswer": 1, "minCount": 1,
                       "why": { "en": "w", "es": "w" } }{{rules}} ]
        }
        """;
}
