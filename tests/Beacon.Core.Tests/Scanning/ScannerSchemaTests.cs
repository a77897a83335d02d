using NJsonSchema;

namespace Beacon.Core.Tests.Scanning;

/// <summary>The JSON Schemas next to the data accept the shipped files and refuse a malformed phrase.</summary>
public sealed class ScannerSchemaTests
{
    [Theory]
    [InlineData("lexicon.schema.json", "lexicon.en.json")]
    [InlineData("lexicon.schema.json", "lexicon.es.json")]
    [InlineData("cues.schema.json", "cues.en.json")]
    [InlineData("cues.schema.json", "cues.es.json")]
    public async Task Schema_ShippedFile_IsValid(string schemaFile, string dataFile)
    {
        var schema = await JsonSchema.FromFileAsync(ScannerContent.File(schemaFile));

        var errors = schema.Validate(await File.ReadAllTextAsync(ScannerContent.File(dataFile)));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("Hotel key")]
    [InlineData("hotel  key")]
    [InlineData("hotel key.")]
    [InlineData("* *")]
    [InlineData("# *")]
    [InlineData("ho#tel")]
    [InlineData("")]
    public async Task Schema_MalformedPhrase_IsRefused(string phrase)
    {
        var schema = await JsonSchema.FromFileAsync(ScannerContent.File("lexicon.schema.json"));

        var errors = schema.Validate($$"""{ "language": "en", "terms": [ { "indicator": "hotel-keys", "phrases": ["{{phrase}}"] } ] }""");

        Assert.NotEmpty(errors);
    }
}
