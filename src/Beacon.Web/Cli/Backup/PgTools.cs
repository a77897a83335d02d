using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// PostgreSQL's own client programs (<c>pg_dump</c>, <c>pg_restore</c>, <c>psql</c>): from <c>PG_BIN</c> when set, else
/// the PATH, else the newest <c>/usr/lib/postgresql/*/bin</c> (Debian's packages). They connect where the app does,
/// through <c>PG*</c> environment variables made from the configured connection string: the password goes in
/// <c>PGPASSWORD</c>, never on a command line that any user of the machine can list.
/// </summary>
public sealed class PgTools
{
    private readonly string _bin;
    private readonly Dictionary<string, string> _environment;

    private PgTools(string bin, Dictionary<string, string> environment)
    {
        _bin = bin;
        _environment = environment;
    }

    public static PgTools For(string connectionString)
    {
        var bin = Find("pg_dump") ?? throw new BackupException(
            "pg_dump was not found (not in PG_BIN, on the PATH, or under /usr/lib/postgresql/*/bin). Install PostgreSQL's client " +
            "programs (Debian: apt-get install postgresql-client), of the server's major version or newer, or set PG_BIN to their folder.");
        return new PgTools(bin, Environment(new NpgsqlConnectionStringBuilder(connectionString)));
    }

    /// <summary>Where the programs are, for messages.</summary>
    public string Folder => _bin;

    /// <summary>The <c>PG*</c> variables for the tools, from the Npgsql connection string (what it leaves out, libpq's defaults decide).</summary>
    public static Dictionary<string, string> Environment(NpgsqlConnectionStringBuilder c)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                env[name] = value;
            }
        }

        Set("PGHOST", c.Host);
        Set("PGPORT", c.Port.ToString(CultureInfo.InvariantCulture));
        Set("PGDATABASE", c.Database);
        Set("PGUSER", c.Username);
        Set("PGPASSWORD", c.Password);
        Set("PGPASSFILE", c.Passfile);
        Set("PGSSLMODE", c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set("PGSSLROOTCERT", c.RootCertificate);
        Set("PGSSLCERT", c.SslCertificate);
        Set("PGSSLKEY", c.SslKey);
        Set("PGCONNECT_TIMEOUT", c.Timeout.ToString(CultureInfo.InvariantCulture));
        Set("PGAPPNAME", "beacon backup");
        return env;
    }

    /// <summary>Starts one of the tools with its arguments as separate words (no shell), standard output and error piped.</summary>
    public Process Start(string tool, IEnumerable<string> arguments, bool writesInput = false)
    {
        var info = new ProcessStartInfo(Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = writesInput,
            UseShellExecute = false,
        };
        if (writesInput)
        {
            // No byte-order mark: what goes in is a script that must start and end with its own bytes.
            info.StandardInputEncoding = new System.Text.UTF8Encoding(false);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        try
        {
            return Process.Start(info) ?? throw new BackupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupException($"{Path.Combine(_bin, tool)} cannot be run: {ex.Message}");
        }
    }

    /// <summary>Runs a tool to the end, handing each line of its standard error to <paramref name="onError"/>; returns its output.</summary>
    public async Task<string> RunAsync(string tool, IEnumerable<string> arguments, Action<string>? onError, CancellationToken ct)
    {
        using var process = Start(tool, arguments);
        var errors = new ToolErrors(tool);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            await errors.ReadAsync(process.StandardError, onError, ct);
            var text = await output;
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? text : throw errors.Failed(process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Ends a tool that must not go on (interrupted, or fed a script cut short); nothing if it has ended.</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string? Find(string tool)
    {
        if (System.Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } pgBin)
        {
            return File.Exists(Path.Combine(pgBin, tool)) ? pgBin : null;
        }

        var onPath = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, tool)));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return !Directory.Exists(debian) ? null : Directory.GetDirectories(debian)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(d => File.Exists(Path.Combine(d.Folder, tool)))
            .OrderByDescending(d => d.Version).Select(d => d.Folder).FirstOrDefault();
    }
}

/// <summary>A tool's standard error: every line to a callback (progress); the problems it names kept for the failure message.</summary>
public sealed class ToolErrors(string tool)
{
    private static readonly string[] ProblemWords = ["error", "fatal", "detail", "hint", "warning", "could not", "context"];
    private readonly List<string> _problems = [];
    private readonly Queue<string> _last = new();

    public async Task ReadAsync(StreamReader stderr, Action<string>? onLine, CancellationToken ct)
    {
        while (await stderr.ReadLineAsync(ct) is { } line)
        {
            onLine?.Invoke(line);
            if (ProblemWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase)) && _problems.Count < 12)
            {
                _problems.Add(line);
            }

            // --verbose writes a line per step: without a named problem, the last few say where it stopped.
            _last.Enqueue(line);
            if (_last.Count > 3)
            {
                _last.Dequeue();
            }
        }
    }

    public BackupException Failed(int exitCode)
    {
        var lines = _problems.Count > 0 ? _problems : [.. _last];
        return new BackupException($"{tool} failed (exit code {exitCode}){(lines.Count > 0 ? ":\n  " + string.Join("\n  ", lines) : ".")}");
    }
}
