using System.Text;
using Beacon.Core.Scanning;
using Beacon.Web.Features.Scanning;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon scan</c>: runs the note scanner over text files, JSON Lines files or standard input and prints one
/// JSON line per document (<see cref="ScanLine"/>), each as soon as it is scanned. It needs the content folder
/// only: no database, no key ring, no configuration. A bad input is reported on standard error with where it is,
/// and the other documents are still scanned.
/// </summary>
/// <param name="scanners">Loads the scanners when the arguments are good; null when they cannot load (already reported).</param>
public sealed class ScanCommand(Func<NoteScanners?> scanners, TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public const string Usage =
        "beacon scan [--lang en|es|auto] [FILE ...]   (note scanner: a .jsonl file holds {\"id\",\"text\"} per line, any other file is one note; - or no FILE reads stdin)";

    public const int Succeeded = 0;
    public const int InputFailed = 1;
    public const int UsageError = 2;

    /// <summary>The command on the process's own streams, read and written as UTF-8 whatever the console's code page.</summary>
    public static async Task<int> RunOnConsoleAsync(Func<NoteScanners?> scanners, IReadOnlyList<string> args)
    {
        using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        return await new ScanCommand(scanners, stdin, stdout, Console.Error).RunAsync(args);
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        var options = ScanOptions.Parse(args, out var problem);
        if (options is null)
        {
            await stderr.WriteLineAsync($"beacon scan: {problem}\nUsage: {Usage}");
            return UsageError;
        }

        if (options.Help)
        {
            await stdout.WriteLineAsync($"Usage: {Usage}");
            await stdout.FlushAsync(ct);
            return Succeeded;
        }

        if (scanners() is not { } loaded)
        {
            return InputFailed;
        }

        var failed = false;
        await foreach (var input in new ScanInputs(stdin).ReadAsync(options.Files, ct))
        {
            if (input.Problem is { } where)
            {
                failed = true;
                await stderr.WriteLineAsync(where);
                continue;
            }

            var scan = loaded.Scan(input.Text!, options.Language);
            await stdout.WriteLineAsync(ScanJson.Serialize(ScanLine.From(input.Id, scan)));
            // Flushed per document, so that a reader of a long run (a pipe, a progress count) sees each one.
            await stdout.FlushAsync(ct);
        }

        return failed ? InputFailed : Succeeded;
    }
}

/// <summary><c>beacon scan</c>'s arguments: the language (null detects it per document) and the files in order.</summary>
public sealed record ScanOptions(string? Language, IReadOnlyList<string> Files, bool Help = false)
{
    public const string Stdin = "-";

    private static readonly string[] LanguageChoices = [.. ScannerLexicon.Languages, "auto"];

    /// <summary>The options, or null with what is wrong (an unknown option, a bad or missing <c>--lang</c> value).</summary>
    public static ScanOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        string? language = null;
        var files = new List<string>();
        var help = false;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == Stdin || !arg.StartsWith('-'))
            {
                files.Add(arg);
            }
            else if (arg == "--")
            {
                optionsEnded = true;
            }
            else if (arg is "--help" or "-h")
            {
                help = true;
            }
            else if (arg == "--lang" || arg.StartsWith("--lang=", StringComparison.Ordinal))
            {
                var value = arg == "--lang" ? (i + 1 < args.Count ? args[++i] : null) : arg["--lang=".Length..];
                if (value is null || !LanguageChoices.Contains(value, StringComparer.Ordinal))
                {
                    problem = value is null
                        ? "--lang needs a value: en, es or auto."
                        : $"--lang {value}: unknown language (en, es or auto).";
                    return null;
                }

                language = value == "auto" ? null : value;
            }
            else
            {
                problem = $"unknown option '{arg}'.";
                return null;
            }
        }

        return new ScanOptions(language, files.Count == 0 ? [Stdin] : files, help);
    }
}
