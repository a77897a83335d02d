using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Beacon.Core.Scanning;
using Beacon.Web.Cli;

namespace Beacon.Web.Tests.Cli;

/// <summary>
/// <c>beacon scan</c> as a stream and as a process: JSON Lines read in blocks whatever the line lengths, each
/// document written out as soon as it is scanned, and the real executable scanning in an empty folder with no
/// configuration, no database and no key.
/// </summary>
public sealed class ScanCommandStreamsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("beacon-scan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Utf8Lines_LinesAcrossAndLongerThanABlock_AreReadWhole()
    {
        // Lengths around the 64 KiB block and past it, so that lines straddle reads and the buffer grows.
        int[] lengths = [0, 1, 65_535, 65_536, 65_537, 3, 200_000, 10, 0, 131_071, 7];
        var lines = lengths.Select((n, i) => new string((char)('a' + i), n)).ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines)); // the last line has no "\n"

        var read = new List<string>();
        await foreach (var line in Utf8Lines.ReadAsync(new TrickleStream(bytes)))
        {
            read.Add(Encoding.UTF8.GetString(line.Span));
        }

        Assert.Equal(lines, read);
    }

    [Fact]
    public async Task Run_ManyDocuments_EachIsFlushedAsSoonAsItIsScanned()
    {
        var file = Path.Combine(folder, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 5).Select(i => JsonSerializer.Serialize(new { id = $"n{i}", text = "Denies an older boyfriend." })));
        var stdout = new FlushRecorder();

        var exit = await new ScanCommand(() => NoteScanners.Load(ScannerFolder), new StringReader(""), stdout, new StringWriter()).RunAsync([file]);

        Assert.Equal(0, exit);
        Assert.Equal([1, 2, 3, 4, 5], stdout.LinesAtEachFlush);
    }

    [Fact]
    public async Task Run_StdinNotUtf8_IsReportedAsDash()
    {
        using var stdin = new StreamReader(new MemoryStream(Encoding.Latin1.GetBytes("Tiene dos teléfonos.")), new UTF8Encoding(false, true));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await new ScanCommand(() => NoteScanners.Load(ScannerFolder), stdin, stdout, stderr).RunAsync(["-"]);

        Assert.Equal((1, "", "-: not valid UTF-8 text."), (exit, stdout.ToString(), stderr.ToString().Trim()));
    }

    [Fact]
    public void Split_Scan_GivesEveryArgumentToTheCommandAndLogsToStandardError()
    {
        var (command, hostArgs) = CommandLine.Split(["scan", "--lang", "es", "-", "notes.jsonl"]);

        Assert.Equal(["scan", "--lang", "es", "-", "notes.jsonl"], command);
        Assert.Equal(["--Logging:Console:LogToStandardErrorThreshold", "Trace"], hostArgs);
        Assert.Contains("beacon scan [--lang en|es|auto] [FILE ...]", CommandLine.Usage);
    }

    [Fact]
    public async Task Process_EmptyFolderNoConfiguration_ScansWithoutCreatingADatabaseOrKey()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "note.txt"), "She has two phones and a hotel key card.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "beacon.dll"), "scan", "note.txt", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Beacon", StringComparison.OrdinalIgnoreCase) ||
                     k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("Tiene dos teléfonos y una llave de hotel.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 0, await errors);
        Assert.Equal("", await errors);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([("note.txt", "en", 2), ("-", "es", 2)],
            lines.Select(l => (l.GetProperty("id").GetString(), l.GetProperty("lang").GetString(), l.GetProperty("findings").GetArrayLength())));
        Assert.Equal(["note.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    private static string ScannerFolder => Path.Combine(AppContext.BaseDirectory, "content", "scanner");

    /// <summary>Hands out at most a few thousand bytes per read, as a pipe or a slow disk would.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 4_099)], cancellationToken);
    }

    /// <summary>Remembers how many lines had been written each time it was flushed.</summary>
    private sealed class FlushRecorder : StringWriter
    {
        public List<int> LinesAtEachFlush { get; } = [];

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            LinesAtEachFlush.Add(ToString().Count(c => c == '\n'));
            return Task.CompletedTask;
        }
    }
}
