using System.Text.RegularExpressions;
using System.Xml.Linq;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Security;

/// <summary>Every UI string exists in English and Spanish, and every key the code uses exists.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Beacon.Web");

    [Fact]
    public void ResourceFiles_EachNeutralFile_HasASpanishTwinWithTheSameKeys()
    {
        var neutral = Directory.EnumerateFiles(Path.Combine(WebProject, "Resources"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".es.resx", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(neutral);
        foreach (var file in neutral)
        {
            var spanishFile = file[..^".resx".Length] + ".es.resx";
            Assert.True(File.Exists(spanishFile), $"{Path.GetFileName(file)} has no Spanish twin");
            var english = Read(file);
            var spanish = Read(spanishFile);
            Assert.True(english.Keys.ToHashSet().SetEquals(spanish.Keys),
                $"{Path.GetFileName(file)}: keys differ: {string.Join(", ", english.Keys.Except(spanish.Keys).Concat(spanish.Keys.Except(english.Keys)))}");
            var empty = english.Concat(spanish).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
            Assert.True(empty.Count == 0, $"{Path.GetFileName(file)}: empty values for {string.Join(", ", empty)}");
        }
    }

    [Fact]
    public void SourceFiles_EveryLocalizedKeyUsed_ExistsInAResourceFile()
    {
        var known = Directory.EnumerateFiles(Path.Combine(WebProject, "Resources"), "*.resx", SearchOption.AllDirectories)
            .SelectMany(f => Read(f).Keys).ToHashSet();
        var missing = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(u => !known.Contains(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Keys used but not defined:\n" + string.Join("\n", missing));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Beacon.slnx not found above the test output folder.");
    }

    // T["Key.Name"], t["Key.Name"], L["..."], ErrorMessage = "Key.Name", Display(Name = "Key.Name")
    [GeneratedRegex("(?:\\b[A-Za-z]\\[|ErrorMessage = |Name = )\"(?<key>[A-Z][A-Za-z]+(?:\\.[A-Za-z]+)+)\"")]
    private static partial Regex KeyUse();
}
