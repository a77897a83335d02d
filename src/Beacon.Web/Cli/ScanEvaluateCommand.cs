using Beacon.Core.Scanning.Evaluation;
using Beacon.Web.Features.Learn;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon scan --evaluate [--errors] [FOLDER]</c>: measures the note scanner on the labelled development corpus
/// (notes.{en,es}.jsonl in FOLDER, by default the repository's tests/Beacon.Core.Tests/Scanning/Corpus) and prints
/// precision, recall and F1 for <c>present</c> per language and catalog domain, and how often a negated, uncertain or
/// someone else's mention is reported present. <c>--errors</c> lists every miss and false alarm, for tuning.
/// </summary>
public sealed class ScanEvaluateCommand(Func<LearnContent?> content, TextWriter stdout, TextWriter stderr)
{
    public const string Flag = "--evaluate";
    public const string Usage =
        "beacon scan --evaluate [--errors] [FOLDER]   (measures the scanner on the labelled corpus: notes.en.jsonl, notes.es.jsonl)";

    private static readonly string CorpusPath = Path.Combine("tests", "Beacon.Core.Tests", "Scanning", "Corpus");

    /// <summary>The corpus of the repository this runs in.</summary>
    public static string DefaultFolder() => InRepository(CorpusPath);

    /// <summary>
    /// A relative path as given when it exists, else from the root of the repository this runs in (found upwards
    /// from the working folder, then from the binary): <c>dotnet run --project</c> may start in the project's folder.
    /// </summary>
    private static string InRepository(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path))
        {
            return path;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")))
                {
                    return Path.Combine(dir.FullName, path);
                }
            }
        }

        return path;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rest = args.Where(a => a is not Flag and not "--errors").ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith('-')))
        {
            await stderr.WriteLineAsync($"beacon scan: unexpected '{string.Join(' ', rest)}'.\nUsage: {Usage}");
            return ScanCommand.UsageError;
        }

        var folder = rest.Count == 1 ? InRepository(rest[0]) : DefaultFolder();
        if (!Directory.Exists(folder))
        {
            await stderr.WriteLineAsync($"{folder}: no such folder (run it inside the repository, or name the corpus folder).");
            return ScanCommand.InputFailed;
        }

        if (content() is not { } loaded)
        {
            return ScanCommand.InputFailed;
        }

        try
        {
            var corpora = ScannerCorpus.LoadFolder(folder, loaded.Catalog);
            if (corpora.Count == 0)
            {
                await stderr.WriteLineAsync($"{folder}: no notes.en.jsonl or notes.es.jsonl here.");
                return ScanCommand.InputFailed;
            }

            var results = corpora.Select(c => ScannerEvaluation.Evaluate(loaded.Scanners.For(c.Language), c, loaded.Catalog)).ToList();
            await stdout.WriteAsync(EvaluationReport.Format(results, withErrors: args.Contains("--errors")));
            return ScanCommand.Succeeded;
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return ScanCommand.InputFailed;
        }
    }
}
