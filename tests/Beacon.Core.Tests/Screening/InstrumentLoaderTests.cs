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

    private const string ExploitationItem =
        ", { \"id\": \"sex-for-value\", \"text\": { \"en\": \"x\", \"es\": \"x\" }, \"help\": { \"en\": \"h\", \"es\": \"h\" } }";

    private static string Rule(string level, string domains, int minAnswer, int minCount) =>
        $", {{ \"id\": \"r\", \"level\": \"{level}\", \"domains\": [{domains}], \"minAnswer\": {minAnswer}, \"minCount\": {minCount}, \"why\": {{ \"en\": \"w\", \"es\": \"w\" }} }}";

    [Fact]
    public void Parse_ExploitationItemWithSingleItemClearRule_Loads()
    {
        var instrument = Parse(TestInstruments.Minimal(items: ExploitationItem, rules: Rule("clear", "\"general\", \"exploitation\"", 2, 1)));

        Assert.Contains(instrument.Items, i => i.Domain == "exploitation");
        Assert.Equal(ConcernLevel.Clear, Scoring.Score(instrument, Scoring.ToArray(instrument, new Dictionary<string, int?> { ["sex-for-value"] = 2 })).Level);
    }

    [Theory]
    [InlineData("possible", 1, 1)] // rated 2 would only give possible
    [InlineData("clear", 2, 2)] // one exploitation item alone would not be enough
    public void Parse_ExploitationItemWithoutSingleItemClearRule_IsRefused(string level, int minAnswer, int minCount) =>
        Assert.Equal(
            "test-tool.v2.json: rules must make any exploitation item rated 2 give clear (a rule: level clear, domains including exploitation, minAnswer 2 or less, minCount 1).",
            Error(TestInstruments.Minimal(items: ExploitationItem, rules: Rule(level, "\"exploitation\"", minAnswer, minCount))));

    [Fact]
    public void Parse_ExploitationItemNoRuleForItsDomain_IsRefused() =>
        Assert.Contains("must make any exploitation item rated 2 give clear",
            Error(TestInstruments.Minimal(items: ExploitationItem, rules: Rule("clear", "\"general\"", 2, 1))));

    [Fact]
    public void Parse_NoExploitationItem_NeedsNoExploitationRule() =>
        Assert.DoesNotContain(Parse(TestInstruments.Minimal()).Items, i => i.Domain == "exploitation");

    [Theory]
    [InlineData("\"trafficking\"", 2, 1)] // only a clear sign would count
    [InlineData("\"trafficking\"", 1, 2)] // one sign alone would not count
    [InlineData("\"general\"", 1, 1)] // no rule counts trafficking at all
    public void Parse_TraffickingItemWithoutSingleItemPossibleRule_IsRefused(string domains, int minAnswer, int minCount)
    {
        var json = TestInstruments.Minimal().Replace(
            "\"domains\": [\"trafficking\"], \"minAnswer\": 1, \"minCount\": 1",
            $"\"domains\": [{domains}], \"minAnswer\": {minAnswer}, \"minCount\": {minCount}", StringComparison.Ordinal);
        Assert.NotEqual(TestInstruments.Minimal(), json);

        Assert.Equal(
            "test-tool.v2.json: rules must make any trafficking item rated 1 or more give at least possible (a rule: domains including trafficking, minAnswer 1, minCount 1).",
            Error(json));
    }

    [Fact]
    public void Parse_TraffickingSingleItemRuleAtClear_IsEnough()
    {
        var json = TestInstruments.Minimal().Replace("\"level\": \"possible\"", "\"level\": \"clear\"", StringComparison.Ordinal);

        Assert.Equal(ConcernLevel.Clear, Assert.Single(Parse(json).Rules).Level);
    }

    [Fact]
    public void Parse_MatchFileNameFalse_AcceptsAnyFileNameAndStillNamesItInErrors()
    {
        var instrument = InstrumentLoader.Parse("upload (3).json", TestInstruments.Minimal(), TestInstruments.Catalog.Value, matchFileName: false);

        Assert.Equal("test-tool@2", instrument.Key);
        var error = Assert.Throws<InstrumentException>(() => InstrumentLoader.Parse(
            "upload (3).json", TestInstruments.Minimal().Replace("\"status\": \"active\"", "\"status\": \"draft\"", StringComparison.Ordinal),
            TestInstruments.Catalog.Value, matchFileName: false)).Message;
        Assert.Equal("upload (3).json: status must be \"active\" or \"retired\".", error);
    }

    [Fact]
    public void Parse_MatchFileNameDefault_RefusesTheSameUpload() =>
        Assert.Contains("must match the file name (test-tool.v2.json)",
            Assert.Throws<InstrumentException>(() => InstrumentLoader.Parse("upload (3).json", TestInstruments.Minimal(), TestInstruments.Catalog.Value)).Message);
}
