using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Beacon.Web.Cli;

/// <summary>A document to scan (its id and text), or a problem with an input, already worded as <c>FILE:LINE: what</c>.</summary>
public sealed record ScanInput(string Id, string? Text, string? Problem = null)
{
    public static ScanInput Failed(string where, string what) => new(where, null, $"{where}: {what}");
}

/// <summary>
/// Reads <c>beacon scan</c>'s inputs in order: "-" is standard input (one document with the id "-"), a
/// <c>.jsonl</c> file is read line by line (one <c>{"id","text"}</c> object each; other properties are ignored,
/// so a file can also carry what a later evaluation needs), and any other file is one document named by the
/// argument as given. Text must be UTF-8 (a byte order mark is dropped).
/// </summary>
public sealed class ScanInputs(TextReader stdin)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public async IAsyncEnumerable<ScanInput> ReadAsync(IEnumerable<string> files, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var file in files)
        {
            if (file == ScanOptions.Stdin)
            {
                yield return await ReadStdinAsync(ct);
            }
            else if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                await foreach (var input in ReadJsonLinesAsync(file, ct))
                {
                    yield return input;
                }
            }
            else
            {
                yield return await ReadTextFileAsync(file, ct);
            }
        }
    }

    private async Task<ScanInput> ReadStdinAsync(CancellationToken ct)
    {
        try
        {
            return new ScanInput(ScanOptions.Stdin, await stdin.ReadToEndAsync(ct));
        }
        catch (DecoderFallbackException)
        {
            return ScanInput.Failed(ScanOptions.Stdin, "not valid UTF-8 text.");
        }
    }

    private static async Task<ScanInput> ReadTextFileAsync(string file, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ScanInput.Failed(file, WhyUnreadable(file, ex));
        }

        try
        {
            return new ScanInput(file, StrictUtf8.GetString(WithoutBom(bytes)));
        }
        catch (DecoderFallbackException)
        {
            return ScanInput.Failed(file, "not valid UTF-8 text.");
        }
    }

    private static async IAsyncEnumerable<ScanInput> ReadJsonLinesAsync(string file, [EnumeratorCancellation] CancellationToken ct)
    {
        FileStream? stream = null;
        string? unreadable = null;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            unreadable = WhyUnreadable(file, ex);
        }

        if (stream is null)
        {
            yield return ScanInput.Failed(file, unreadable!);
            yield break;
        }

        await using (stream)
        {
            var number = 0;
            await foreach (var line in Utf8Lines.ReadAsync(stream, ct))
            {
                number++;
                if (ReadLine(file, number, line) is { } input)
                {
                    yield return input;
                }
            }
        }
    }

    /// <summary>One line of a JSON Lines file: null when blank, else a document or what is wrong with it.</summary>
    internal static ScanInput? ReadLine(string file, int number, ReadOnlyMemory<byte> line)
    {
        if (number == 1 && line.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            line = line[Encoding.UTF8.Preamble.Length..];
        }

        // JSON's own whitespace; "\r" too, so that a file with Windows line ends reads the same.
        if (line.Span.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return null;
        }

        var where = $"{file}:{number}";
        if (!Utf8.IsValid(line.Span))
        {
            return ScanInput.Failed(where, "not valid UTF-8 text.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return ScanInput.Failed(where, ex.BytePositionInLine is { } at ? $"not valid JSON (at byte {at + 1})." : "not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ScanInput.Failed(where, "not a JSON object: each line is {\"id\": \"...\", \"text\": \"...\"}.");
            }

            var id = StringProperty(root, "id");
            var text = StringProperty(root, "text");
            return (id, text) switch
            {
                (null, _) => ScanInput.Failed(where, "\"id\" is missing or not a string."),
                (_, null) => ScanInput.Failed(where, "\"text\" is missing or not a string."),
                _ => new ScanInput(id, text),
            };
        }
    }

    private static string? StringProperty(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // A lone surrogate escaped in the JSON ("\ud800") is not text.
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string WhyUnreadable(string file, Exception ex) => ex switch
    {
        _ when Directory.Exists(file) => "is a directory, not a file.",
        FileNotFoundException or DirectoryNotFoundException => "no such file.",
        UnauthorizedAccessException => "cannot be read (permission denied).",
        _ => $"cannot be read ({ex.Message}).",
    };

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
}
