using System.Text;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// The passphrase that seals the key-encryption key in a backup (<c>--include-key</c>): from the environment variable
/// <see cref="Variable"/> when set (for scripts, filled from a secret store), else typed at the terminal without echo
/// (twice for a backup), else the first line of standard input. Never a command-line argument, which other users of
/// the machine can list.
/// </summary>
public sealed class Passphrase(TextReader input, TextWriter prompt, bool terminal, string? fromEnvironment)
{
    public const string Variable = "BEACON_BACKUP_PASSPHRASE";

    public static Passphrase OnConsole() =>
        new(Console.In, Console.Error, !Console.IsInputRedirected, Environment.GetEnvironmentVariable(Variable));

    public async Task<string> ForBackupAsync()
    {
        var passphrase = fromEnvironment ?? await AskAsync($"Passphrase to seal the key in the backup (at least {BackupKeyWrap.MinimumPassphraseLength} characters): ");
        if (fromEnvironment is null && terminal && await AskAsync("The same passphrase again: ") != passphrase)
        {
            throw new BackupException("The two passphrases differ. Nothing was written.", 2);
        }

        return passphrase.Length >= BackupKeyWrap.MinimumPassphraseLength ? passphrase
            : throw new BackupException($"The passphrase has {passphrase.Length} characters; it needs at least {BackupKeyWrap.MinimumPassphraseLength}, " +
                "since whoever holds the archive can try passphrases at leisure. Nothing was written.", 2);
    }

    public async Task<string> ForRestoreAsync()
    {
        var passphrase = fromEnvironment ?? await AskAsync("Passphrase of the key in the backup: ");
        return passphrase.Length > 0 ? passphrase
            : throw new BackupException($"The backup's key needs its passphrase (typed, on standard input, or in {Variable}). Nothing was changed.", 2);
    }

    private async Task<string> AskAsync(string text)
    {
        if (!terminal)
        {
            return (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        await prompt.WriteAsync(text);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        await prompt.WriteLineAsync();
        return typed.ToString();
    }
}
