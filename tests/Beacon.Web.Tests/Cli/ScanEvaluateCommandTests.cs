using Beacon.Web.Cli;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Cli;

/// <summary><c>beacon scan --evaluate</c>: the figures on a corpus folder, the errors on request, bad corpora named.</summary>
public sealed class ScanEvaluateCommandTests : IDisposable
{
    private static readonly Lazy<LearnContent> Content = new(() =>
        new LearnContent(Options.Create(new BeaconOptions()), NullLogger<LearnContent>.Instance));

    private readonly string folder = Directory.CreateTempSubdirectory("beacon-eval-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new ScanEvaluateCommand(() => Content.Value, stdout, stderr).RunAsync(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Evaluate_Folder_PrintsTheFiguresAndOnRequestTheErrors()
    {
        await File.WriteAllLinesAsync(Path.Combine(folder, "notes.en.jsonl"),
        [
            """{"id":"en-1","kind":"case-note","text":"She has two phones. She has a pager.","mentions":[{"indicator":"multiple-phones","status":"present","quote":"two phones"},{"indicator":"multiple-phones","status":"present","quote":"a pager"}]}""",
            """{"id":"en-2","kind":"tip","text":"Denies an older boyfriend.","mentions":[{"indicator":"older-partner","status":"negated","quote":"older boyfriend"}]}""",
        ]);

        var (exit, output, errors) = await RunAsync(ScanEvaluateCommand.Flag, folder);
        var (_, withErrors, _) = await RunAsync(ScanEvaluateCommand.Flag, "--errors", folder);

        Assert.Equal((0, ""), (exit, errors));
        Assert.Contains("2 labelled notes (2 en)", output);
        Assert.Contains("en            all              1     0     1      1.000   0.500  0.667", output);
        Assert.Contains("en            neg.+unc.           1                 0    0.0%            1", output);
        Assert.DoesNotContain("a pager", output);
        Assert.Contains("en-1     missed                   multiple-phones              \"a pager\"", withErrors);
    }

    [Fact]
    public async Task Evaluate_TheRepositorysCorpus_IsFoundWithoutAFolder()
    {
        var (exit, output, errors) = await RunAsync(ScanEvaluateCommand.Flag);

        Assert.Equal((0, ""), (exit, errors));
        Assert.Matches(@"labelled notes \(\d+ en, \d+ es\)", output);
    }

    [Fact]
    public async Task Evaluate_BadLabel_IsNamedWithFileAndLine()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.es.jsonl"),
            """{"id":"es-1","kind":"tip","text":"Tiene dos celulares.","mentions":[{"indicator":"multiple-phones","status":"present","quote":"tres"}]}""");

        var (exit, output, errors) = await RunAsync(ScanEvaluateCommand.Flag, folder);

        Assert.Equal((1, ""), (exit, output));
        Assert.Contains("notes.es.jsonl:1 (es-1): mentions[0]: quote \"tres\"", errors);
    }

    [Theory]
    [InlineData("no-such-folder", 1, "no such folder")]
    [InlineData("--lang", 2, "Usage")]
    public async Task Evaluate_NoCorpusOrBadArguments_Fails(string arg, int code, string why)
    {
        var (exit, _, errors) = await RunAsync(ScanEvaluateCommand.Flag, arg);

        Assert.Equal(code, exit);
        Assert.Contains(why, errors);
    }

    [Fact]
    public async Task Evaluate_EmptyFolder_SaysThereIsNoCorpus()
    {
        var (exit, _, errors) = await RunAsync(ScanEvaluateCommand.Flag, folder);

        Assert.Equal(1, exit);
        Assert.Contains("no notes.en.jsonl or notes.es.jsonl", errors);
    }
}
