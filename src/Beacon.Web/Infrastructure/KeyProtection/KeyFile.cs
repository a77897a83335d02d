using System.Security.Cryptography;

namespace Beacon.Web.Infrastructure.KeyProtection;

/// <summary>The key-encryption key in a file: for one box without a secret store (development, a small county).</summary>
internal static class KeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static KeyEncryptionKey ReadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path) && TryCreate(path))
        {
            logger.LogWarning(
                "Created a new key-encryption key in {KeyFile}. Back it up apart from the database: without it the " +
                "database cannot be read. In production supply {Setting} from a secret store instead",
                path, KeyEncryptionKey.Setting);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyEncryptionKeyException($"The key-encryption key file {path} cannot be read: {ex.Message}", ex);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
        {
            logger.LogWarning("The key-encryption key file {KeyFile} can be read by other users; restrict it (chmod 600)", path);
        }

        return KeyEncryptionKey.Parse(text, $"The key-encryption key file {path}");
    }

    /// <summary>False when another process created the file first; then its key is the one to use.</summary>
    private static bool TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set when the file is created, so the key is never readable by others, not even for a moment.
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size)));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
