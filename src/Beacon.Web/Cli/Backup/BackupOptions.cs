namespace Beacon.Web.Cli.Backup;

/// <summary>The flags of <c>beacon backup</c> and <c>beacon restore</c>.</summary>
public sealed record BackupOptions(string File, bool IncludeKey, bool Yes)
{
    public const string OutFlag = "--out";
    public const string FromFlag = "--from";
    public const string IncludeKeyFlag = "--include-key";
    public const string YesFlag = "--yes";

    /// <summary>The flags that take a value, so the command line gives the value to the command and not to the host.</summary>
    public static readonly string[] ValueFlags = [OutFlag, FromFlag];

    /// <summary>The flags that take none (the host's configuration would read the next argument as their value).</summary>
    public static readonly string[] Switches = [IncludeKeyFlag, YesFlag];

    /// <summary>Reads the flags of <paramref name="command"/> ("backup" or "restore"); on anything wrong, null and a message naming it.</summary>
    public static BackupOptions? Parse(string command, IReadOnlyList<string> flags, out string? error)
    {
        var (fileFlag, switchFlag, usage) = command == "backup"
            ? (OutFlag, IncludeKeyFlag, BackupCommand.Usage)
            : (FromFlag, YesFlag, RestoreCommand.Usage);
        string? file = null;
        var switched = false;
        error = null;
        for (var i = 0; i < flags.Count; i++)
        {
            if (flags[i] == switchFlag)
            {
                switched = true;
            }
            else if (flags[i] == fileFlag && i + 1 < flags.Count && !flags[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                file = flags[++i];
            }
            else
            {
                error = flags[i] == fileFlag ? $"{fileFlag} needs a file name. Usage: {usage}" : $"{command} does not take '{flags[i]}'. Usage: {usage}";
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            error = $"{command} needs {fileFlag} FILE. Usage: {usage}";
            return null;
        }

        return new BackupOptions(file, IncludeKey: switched && command == "backup", Yes: switched && command == "restore");
    }
}
