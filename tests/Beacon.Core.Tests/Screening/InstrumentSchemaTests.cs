using NJsonSchema;

namespace Beacon.Core.Tests.Screening;

/// <summary>The shipped JSON Schema accepts the shipped instruments and refuses what the loader refuses.</summary>
public sealed class InstrumentSchemaTests
{
    private static readonly string Folder = Path.GetDirectoryName(
        Directory.EnumerateFiles(FindRoot(), "instrument.schema.json", SearchOption.AllDirectories).First(p => p.Contains("content", StringComparison.Ordinal)))!;

    private static Task<JsonSchema> SchemaAsync() => JsonSchema.FromFileAsync(Path.Combine(Folder, "instrument.schema.json"));

    [Fact]
    public async Task Schema_ShippedInstruments_AreValid()
    {
        var schema = await SchemaAsync();
        var files = Directory.EnumerateFiles(Folder, "*.v*.json").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var errors = schema.Validate(await File.ReadAllTextAsync(file));
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
        }
    }

    [Fact]
    public async Task Schema_MinimalInstrument_IsValid() =>
        Assert.Empty((await SchemaAsync()).Validate(TestInstruments.Minimal()));

    [Theory]
    [InlineData("\"scoreing\": 1,")]
    public async Task Schema_UnknownProperty_IsRefused(string extra) =>
        Assert.NotEmpty((await SchemaAsync()).Validate(TestInstruments.Minimal(extra: extra)));

    [Fact]
    public async Task Schema_RiskInARule_IsRefused() =>
        Assert.NotEmpty((await SchemaAsync()).Validate(TestInstruments.Minimal(
            rules: ", { \"id\": \"r\", \"level\": \"clear\", \"domains\": [\"risk\"], \"minAnswer\": 2, \"minCount\": 3, \"why\": { \"en\": \"w\", \"es\": \"w\" } }")));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException("Beacon.slnx not found");
    }
}
