using Beacon.Web.Cli.Backup;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Cli;

/// <summary>
/// The <c>beacon</c> executable: <c>serve</c> (the default) or a command. Arguments starting with
/// <c>--</c> that the command does not take are passed on to the host as configuration.
/// </summary>
public static class CommandLine
{
    public const string Usage = $"""
        Usage: beacon [serve] [--urls URL] [--Beacon:Database:Provider Sqlite|Postgres ...]
               beacon admin create [--email EMAIL] [--name NAME] [--county ID] [--agency NAME]
               beacon audit verify
               {FactsRebuildCommand.Usage}
               {SeedDemoOptions.Usage}
               {ScanCommand.Usage}
               {ScanEvaluateCommand.Usage}
               {BackupCommand.Usage}
               {RestoreCommand.Usage}
        """;

    /// <summary>Flags that belong to a command and take no value; the host's configuration would read the next argument as their value.</summary>
    private static readonly string[] CommandFlags = [SeedDemoCommand.ConfirmFlag, .. BackupOptions.Switches];

    /// <summary>
    /// The host's settings for <c>beacon scan</c>, which takes every argument itself ("-" is stdin, not a setting):
    /// every log line goes to standard error, so that standard output holds the scan's JSON lines only.
    /// </summary>
    private static readonly string[] ScanHostArgs = ["--Logging:Console:LogToStandardErrorThreshold", "Trace"];

    public static (string[] Command, string[] HostArgs) Split(string[] args)
    {
        if (args is ["scan", ..])
        {
            return (args, ScanHostArgs);
        }

        var command = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var rest = args.Skip(command.Length).ToArray();
        List<string> mine = [], host = [];
        for (var i = 0; i < rest.Length; i++)
        {
            if (CommandFlags.Contains(rest[i]))
            {
                mine.Add(rest[i]);
            }
            else if ((command is ["seed-demo", ..] && SeedDemoOptions.ValueFlags.Contains(rest[i]))
                     || (command is ["backup"] or ["restore"] && BackupOptions.ValueFlags.Contains(rest[i])))
            {
                // A command flag with a value: both are the command's (a missing value is the command's to report).
                mine.AddRange(rest.Skip(i).Take(2));
                i++;
            }
            else
            {
                host.Add(rest[i]);
            }
        }

        return ([.. command, .. mine], [.. host]);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        switch (command)
        {
            case [] or ["serve"]:
                if (!ContentLoads(app.Services) || !await KeyRingOpensAsync(app.Services))
                {
                    return 1;
                }

                await app.RunAsync();
                return 0;
            case ["admin", "create"]:
                if (!await KeyRingOpensAsync(app.Services))
                {
                    return 1;
                }

                await PrepareAsync(app);
                var cmd = new AdminCreateCommand(app.Services, Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
                return await cmd.RunAsync(app.Configuration);
            case ["audit", "verify"]:
                return await new AuditVerifyCommand(app.Services, Console.Out, Console.Error).RunAsync();
            case ["facts", "rebuild"]:
                if (!await KeyRingOpensAsync(app.Services))
                {
                    return 1;
                }

                await PrepareAsync(app);
                return await new FactsRebuildCommand(app.Services, Console.Out, Console.Error, total => ProgressBar.OnConsole("Screens", total)).RunAsync();
            case ["seed-demo", .. var flags]:
                if (SeedDemoOptions.Parse(flags, out var flagError) is not { } options)
                {
                    await Console.Error.WriteLineAsync(flagError);
                    return SeedDemoCommand.RefusedExitCode;
                }

                return await new SeedDemoCommand(app.Services, app.Environment, Console.Out, Console.Error).RunAsync(
                    options, prepare: async () => await KeyRingOpensAsync(app.Services) && await PreparedAsync(app),
                    progress: (what, total) => ProgressBar.OnConsole(what, total));
            case ["backup", .. var backupFlags]:
            {
                // No key-ring check or migration first: a backup copies the database as it is and changes nothing.
                using var interrupt = new ConsoleInterrupt();
                return await new BackupCommand(app.Services, Passphrase.OnConsole(), Console.Out, Console.Error, ProgressBar.OnConsole)
                    .RunAsync(backupFlags, interrupt.Token);
            }

            case ["restore", .. var restoreFlags]:
            {
                // Nor before a restore: the database it replaces may be sealed with another key, or not be there at all.
                using var interrupt = new ConsoleInterrupt();
                return await new RestoreCommand(app.Services, Passphrase.OnConsole(), Console.Out, Console.Error, ProgressBar.OnConsole)
                    .RunAsync(restoreFlags, interrupt.Token);
            }

            case ["scan", .. var evaluateArgs] when evaluateArgs.Contains(ScanEvaluateCommand.Flag):
                return await new ScanEvaluateCommand(() => LoadedContent(app.Services), Console.Out, Console.Error).RunAsync(evaluateArgs);
            case ["scan", .. var scanArgs]:
                return await ScanCommand.RunOnConsoleAsync(() => LoadedContent(app.Services)?.Scanners, scanArgs);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', command)}'.\n{Usage}");
                return 2;
        }
    }

    private static Features.Learn.LearnContent? LoadedContent(IServiceProvider services) =>
        ContentLoads(services) ? services.GetRequiredService<Features.Learn.LearnContent>() : null;

    /// <summary>
    /// Loads the catalog, the Learn content and the instruments before the host starts, so a bad
    /// file stops start-up with its name, the field and what is wrong, not a stack trace.
    /// </summary>
    private static bool ContentLoads(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<Features.Learn.LearnContent>();
            _ = services.GetRequiredService<Features.Screening.ScreeningInstruments>().Shipped;
            return true;
        }
        catch (Exception ex) when (ex is Core.Screening.InstrumentException or Core.Jurisdictions.ReferenceDataException
            or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"Beacon cannot start: {ex.Message}");
            return false;
        }
    }

    /// <summary>A missing, malformed or wrong key-encryption key stops start-up with what to do, before the host starts.</summary>
    private static async Task<bool> KeyRingOpensAsync(IServiceProvider services)
    {
        try
        {
            await KeyRingAtRest.OpenIfMigratedAsync(services, CancellationToken.None);
            return true;
        }
        catch (KeyEncryptionKeyException ex)
        {
            await Console.Error.WriteLineAsync($"Beacon cannot start: {ex.Message}");
            return false;
        }
    }

    private static async Task<bool> PreparedAsync(WebApplication app)
    {
        await PrepareAsync(app);
        return true;
    }

    private static Task PrepareAsync(WebApplication app) =>
        StartupTasks.PrepareDatabaseAsync(app.Services, app.Services.GetRequiredService<IOptions<BeaconOptions>>().Value,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Beacon.Cli"), CancellationToken.None);
}
