using System.Text.Json.Nodes;
using Beacon.Core.Screening;

namespace Beacon.Core.Tests.Screening;

public sealed class InstrumentLoaderTests
{
    private static Instrument Parse(string json, string file = "test-tool.v2.json") =>
        InstrumentLoader.Parse(file, json, TestInstruments.Catalog.Value);

    private static string Error(string json, string file = "test-tool.v2.json") =>
        Assert.Throws<InstrumentException>(() => Parse(json, file)).Message;

    [Fact]
    public void Parse_Minimal_Loads()
    {
        var instrument = Parse(TestInstruments.Minimal());

        Assert.Equal("test-tool@2", instrument.Key);
        Assert.Equal("trafficking", Assert.Single(instrument.Items).Domain);
    }

    [Fact]
    public void Parse_UnknownProperty_NamesIt() =>
        Assert.Contains("test-tool.v2.json", Error(TestInstruments.Minimal(extra: "\"scoreing\": 1,")));

    [Fact]
    public void Parse_ItemNotInCatalog_NamesFieldAndId() =>
        Assert.Equal("test-tool.v2.json: sections[0].items[1].id 'made-up' is not a catalog ID.",
            Error(TestInstruments.Minimal(items: ", { \"id\": \"made-up\", \"text\": { \"en\": \"x\", \"es\": \"x\" }, \"help\": { \"en\": \"h\", \"es\": \"h\" } }")));

    [Fact]
    public void Parse_SameIdTwice_IsRefused() =>
        Assert.Contains("'hotel-keys' is used twice",
            Error(TestInstruments.Minimal(items: ", { \"id\": \"cash-rolls\", \"also\": [\"hotel-keys\"], \"text\": { \"en\": \"x\", \"es\": \"x\" }, \"help\": { \"en\": \"h\", \"es\": \"h\" } }")));

    [Fact]
    public void Parse_RiskInARule_IsRefused() =>
        Assert.Equal("test-tool.v2.json: rules[1].domains must not include risk: risk factors are reported, never scored as signs.",
            Error(TestInstruments.Minimal(rules: ", { \"id\": \"r\", \"level\": \"clear\", \"domains\": [\"risk\"], \"minAnswer\": 2, \"minCount\": 3, \"why\": { \"en\": \"w\", \"es\": \"w\" } }")));

    [Theory]
    [InlineData("\"minAnswer\": 1, \"minCount\": 0", "rules[1].minCount must be at least 1")]
    [InlineData("\"minAnswer\": 3, \"minCount\": 1", "rules[1].minAnswer must be 1 or 2")]
    public void Parse_BadThresholds_NameTheField(string thresholds, string expected) =>
        Assert.Contains(expected,
            Error(TestInstruments.Minimal(rules: $", {{ \"id\": \"r\", \"level\": \"clear\", \"domains\": [\"general\"], {thresholds}, \"why\": {{ \"en\": \"w\", \"es\": \"w\" }} }}")));

    [Fact]
    public void Parse_FileNameDoesNotMatch_SaysWhatItShouldBe() =>
        Assert.Contains("(test-tool.v2.json)", Error(TestInstruments.Minimal(), "other.v1.json"));

    [Fact]
    public void Parse_MissingSpanish_NamesTheField() =>
        Assert.Equal("test-tool.v2.json: title needs both \"en\" and \"es\".",
            Error(TestInstruments.Minimal().Replace("\"title\": { \"en\": \"Test\", \"es\": \"Prueba\" }", "\"title\": { \"en\": \"Test\" }", StringComparison.Ordinal)));

    [Fact]
    public void Parse_MisspelledField_NamesIt() =>
        Assert.Contains("rulez", Error(TestInstruments.Minimal().Replace("\"rules\":", "\"rulez\":", StringComparison.Ordinal)));

    [Fact]
    public void Parse_MissingRequiredField_NamesIt() =>
        Assert.Contains("'audience'", Error(TestInstruments.Minimal().Replace("\"audience\": \"staff\",", "", StringComparison.Ordinal)));

    [Fact]
    public void Parse_NotJson_NamesTheFileWithoutAStackTrace()
    {
        var message = Error("{ \"id\": ");

        Assert.StartsWith("test-tool.v2.json", message);
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain("   at ", message); // no stack frames
    }

    // An uploaded file is not reviewed like a shipped one: a null anywhere is refused with the field's name, never a crash.
    [Theory]
    [InlineData("id", "id")]
    [InlineData("scale", "scale")]
    [InlineData("sections", "sections")]
    [InlineData("sections.0", "sections[0]")]
    [InlineData("sections.0.items.0", "sections[0].items[0]")]
    [InlineData("sections.0.items.0.text", "text")]
    [InlineData("rules.0", "rules[0]")]
    [InlineData("rules.0.domains.0", "rules[0].domains")]
    public void Parse_NullWhereAValueBelongs_NamesTheField(string path, string field)
    {
        var file = JsonNode.Parse(TestInstruments.Minimal())!;
        var steps = path.Split('.');
        var parent = steps[..^1].Aggregate(file, (node, step) => int.TryParse(step, out var n) ? node[n]! : node[step]!);
        if (int.TryParse(steps[^1], out var index))
        {
            parent[index] = null;
        }
        else
        {
            parent[steps[^1]] = null;
        }

        var message = Error(file.ToJsonString());

        Assert.StartsWith("test-tool.v2.json", message);
        Assert.Contains(field, message);
        Assert.DoesNotContain("InstrumentLoader", message); // no .NET type names
    }

    [Fact]
    public void Parse_NullInAlso_NamesTheField() =>
        Assert.Contains("sections[0].items[0].also",
            Error(TestInstruments.Minimal().Replace("\"id\": \"hotel-keys\",", "\"id\": \"hotel-keys\", \"also\": [null],", StringComparison.Ordinal)));
}
