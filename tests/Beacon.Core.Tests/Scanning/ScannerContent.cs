using Beacon.Core.Catalog;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The shipped scanner data and catalog, found from the test's output folder up to the repository.</summary>
internal static class ScannerContent
{
    private static readonly Lazy<string> Content = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException("Beacon.slnx not found");
    });

    public static string Folder => Path.Combine(Content.Value, "scanner");

    /// <summary>The labelled development corpus (tests/Beacon.Core.Tests/Scanning/Corpus).</summary>
    public static string CorpusFolder =>
        Path.Combine(Path.GetDirectoryName(Content.Value)!, "tests", "Beacon.Core.Tests", "Scanning", "Corpus");

    public static string File(string name) => Path.Combine(Folder, name);

    public static readonly Lazy<IndicatorCatalog> Catalog =
        new(() => IndicatorCatalog.Load(Path.Combine(Content.Value, "catalog", "indicators.json")));
}
