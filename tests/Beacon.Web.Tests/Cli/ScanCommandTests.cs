using System.Text;
using System.Text.Json;
using Beacon.Core.Scanning;
using Beacon.Web.Cli;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Cli;

/// <summary>
/// <c>beacon scan</c> driven through its readers and writers, on files in a folder of its own and on the
/// shipped content (no host, no database): the output's shape and offsets, input order, bad input reported
/// with where it is while the rest is scanned, exit codes and usage errors.
/// </summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string English = "She has two phones and a hotel key card.";
    private const string Negated = "Denies an older boyfriend.";
    private const string Uncertain = "Worried she may be staying at a motel.";
    private const string Spanish = "Ella tiene dos celulares y una llave de hotel. Niega tener un novio mayor.";

    private static readonly Lazy<NoteScanners> Scanners = new(() =>
        new LearnContent(Options.Create(new BeaconOptions()), NullLogger<LearnContent>.Instance).Scanners);

    private readonly string folder = Directory.CreateTempSubdirectory("beacon-scan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Run_TextFile_PrintsOneLineWithTheFindingsAndTheirSpans()
    {
        var file = Write("note.txt", English);

        var (exit, lines, errors) = await RunAsync([file]);

        Assert.Equal((0, ""), (exit, errors));
        var line = Assert.Single(lines);
        Assert.Equal(["id", "lang", "findings"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal((file, "en"), (line.GetProperty("id").GetString(), line.GetProperty("lang").GetString()));
        var findings = line.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(["indicator", "status", "start", "end", "text", "cue"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal([("multiple-phones", "present", 8, 18, "two phones"), ("hotel-keys", "present", 25, 39, "hotel key card")],
            findings.Select(f => (f.GetProperty("indicator").GetString(), f.GetProperty("status").GetString(), f.GetProperty("start").GetInt32(),
                f.GetProperty("end").GetInt32(), f.GetProperty("text").GetString())));
        Assert.All(findings, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("cue").ValueKind));
        AssertSpansMatch(English, line);
    }

    [Fact]
    public async Task Run_JsonLinesFile_PrintsEachDocumentInOrderWithUtf16Offsets()
    {
        // A byte order mark, Windows line ends, a blank line, an extra property, and a character outside the BMP
        // (two UTF-16 units) before the first match, so that byte or code-point offsets would be caught.
        var emoji = "\U0001F642 " + Negated;
        var file = WriteBytes("notes.jsonl", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(
            Json("a", emoji) + "\r\n\r\n   \r\n" + Json("b", Uncertain).TrimEnd('}') + ",\"expected\":[]}\r\n" + Json("c", Spanish))]);

        var (exit, lines, errors) = await RunAsync([file]);

        Assert.Equal((0, ""), (exit, errors));
        Assert.Equal(["a", "b", "c"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["en", "en", "es"], lines.Select(l => l.GetProperty("lang").GetString()));
        var negated = lines[0].GetProperty("findings")[0];
        Assert.Equal(("older-partner", "negated", "Denies", 13), (negated.GetProperty("indicator").GetString(),
            negated.GetProperty("status").GetString(), negated.GetProperty("cue").GetString(), negated.GetProperty("start").GetInt32()));
        var uncertain = lines[1].GetProperty("findings")[0];
        Assert.Equal(("uncertain", "may"), (uncertain.GetProperty("status").GetString(), uncertain.GetProperty("cue").GetString()));
        Assert.Equal(["multiple-phones", "hotel-keys", "older-partner"],
            lines[2].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("indicator").GetString()));
        AssertSpansMatch(emoji, lines[0]);
        AssertSpansMatch(Uncertain, lines[1]);
        AssertSpansMatch(Spanish, lines[2]);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("--lang auto -")]
    public async Task Run_DashOrNoFile_ReadsStdinAsOneDocument(string args)
    {
        var (exit, lines, errors) = await RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdin: Negated + "\n" + English);

        Assert.Equal((0, ""), (exit, errors));
        var line = Assert.Single(lines);
        Assert.Equal("-", line.GetProperty("id").GetString());
        Assert.Equal(["older-partner", "multiple-phones", "hotel-keys"], line.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("indicator").GetString()));
        AssertSpansMatch(Negated + "\n" + English, line);
    }

    [Fact]
    public async Task Run_LangForcedOrAuto_ReadsInTheLanguageGivenOrDetected()
    {
        var file = Write("nota.txt", Spanish);

        var auto = (await RunAsync([file])).Lines.Single();
        var forced = (await RunAsync(["--lang", "en", file])).Lines.Single();
        var forcedEquals = (await RunAsync(["--lang=es", Write("note.txt", English)])).Lines.Single();

        Assert.Equal("es", auto.GetProperty("lang").GetString());
        Assert.Equal(3, auto.GetProperty("findings").GetArrayLength());
        Assert.Equal("en", forced.GetProperty("lang").GetString());
        Assert.Equal(0, forced.GetProperty("findings").GetArrayLength()); // the English lexicon does not read Spanish
        Assert.Equal("es", forcedEquals.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task Run_BadInputs_AreReportedWithFileAndLineWhileTheRestIsScanned()
    {
        var good = Write("good.txt", English);
        var missing = Path.Combine(folder, "missing.txt");
        var latin1 = WriteBytes("latin1.txt", [.. Encoding.Latin1.GetBytes("Tiene dos teléfonos.")]);
        var mixed = WriteBytes("mixed.jsonl", [.. Encoding.UTF8.GetBytes(string.Join('\n',
            Json("first", Negated), "{\"id\": \"x\", \"text\": ", "{\"text\":\"no id\"}", "{\"id\":\"n\",\"text\":7}", "[\"a\",\"b\"]",
            "{\"id\":\"s\",\"text\":\"\\ud800\"}", "") + "\n"), .. Encoding.Latin1.GetBytes("{\"id\":\"l\",\"text\":\"teléfono\"}\n"),
            .. Encoding.UTF8.GetBytes(Json("last", Uncertain))]);

        var (exit, lines, errors) = await RunAsync([good, missing, latin1, mixed, folder, "-"], stdin: Spanish);

        Assert.Equal(1, exit);
        Assert.Equal([good, "first", "last", "-"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(
            [$"{missing}: no such file.", $"{latin1}: not valid UTF-8 text.",
             $"{mixed}:2: not valid JSON (at byte 21).", $"{mixed}:3: \"id\" is missing or not a string.",
             $"{mixed}:4: \"text\" is missing or not a string.",
             $"{mixed}:5: not a JSON object: each line is {{\"id\": \"...\", \"text\": \"...\"}}.",
             $"{mixed}:6: \"text\" is missing or not a string.", $"{mixed}:8: not valid UTF-8 text.",
             $"{folder}: is a directory, not a file."],
            errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--lang", "xx")]
    [InlineData("--lang=fr")]
    [InlineData("--lang")]
    [InlineData("--verbose")]
    [InlineData("-x", "note.txt")]
    public async Task Run_UsageError_ExitsTwoWithTheUsageAndLoadsNothing(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var command = new ScanCommand(() => throw new InvalidOperationException("the scanners must not load"), new StringReader(""), stdout, stderr);

        var exit = await command.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("beacon scan: ", stderr.ToString());
        Assert.Contains(args[0].Split('=')[0], stderr.ToString());
        Assert.Contains("Usage: " + ScanCommand.Usage, stderr.ToString());
    }

    [Fact]
    public async Task Run_ScannersDoNotLoad_ExitsOneAndPrintsNothing()
    {
        var stdout = new StringWriter();

        var exit = await new ScanCommand(() => null, new StringReader(English), stdout, new StringWriter()).RunAsync(["-"]);

        Assert.Equal((1, ""), (exit, stdout.ToString()));
    }

    [Fact]
    public async Task Run_DoubleDash_TakesWhatFollowsAsFileNames()
    {
        var file = Write("-odd.txt", English);

        var (exit, lines, errors) = await RunAsync(["--", file, "--lang"]);

        Assert.Equal(1, exit);
        Assert.Equal(file, Assert.Single(lines).GetProperty("id").GetString());
        Assert.Equal("--lang: no such file.", errors.Trim());
    }

    private static async Task<(int Exit, List<JsonElement> Lines, string Errors)> RunAsync(string[] args, string stdin = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new ScanCommand(() => Scanners.Value, new StringReader(stdin), stdout, stderr).RunAsync(args);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (exit, lines, stderr.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    /// <summary>Each finding's text is the note's own characters between its start and end.</summary>
    private static void AssertSpansMatch(string note, JsonElement line)
    {
        Assert.NotEqual(0, line.GetProperty("findings").GetArrayLength());
        Assert.All(line.GetProperty("findings").EnumerateArray(), f =>
            Assert.Equal(note[f.GetProperty("start").GetInt32()..f.GetProperty("end").GetInt32()], f.GetProperty("text").GetString()));
    }

    private static string Json(string id, string text) => JsonSerializer.Serialize(new { id, text });

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
