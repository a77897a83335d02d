using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// The backup file: a gzip-compressed tar (readable with <c>tar tzf</c>) of <c>manifest.json</c>,
/// <c>manifest.hmac</c> and the database part, in that order, so that a restore reads and checks the manifest before
/// it reads a byte of the database. It is written beside its final name and moved there when complete, owner-only.
/// </summary>
public static class BackupArchive
{
    /// <summary>Owner read and write: the archive holds the encrypted database and, on request, the wrapped key.</summary>
    internal const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAsync(string path, byte[] manifest, byte[] signature, string partName, string partFile,
        IProgress<long> progress, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            await using (var file = CreateOwnerOnly(partial))
            {
                await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
                await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
                await WriteEntryAsync(tar, BackupManifest.FileName, new MemoryStream(manifest), ct);
                await WriteEntryAsync(tar, BackupManifest.SignatureFileName, new MemoryStream(signature), ct);
                await using var part = new ProgressStream(OpenRead(partFile), progress);
                await WriteEntryAsync(tar, partName, part, ct);
            }

            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Creates a file only its owner can read (set when it is created, never readable by others even briefly).</summary>
    internal static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>Large reads: a database can be gigabytes, and the default 4 KB buffer makes a system call for every page.</summary>
    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);

    /// <summary>A working folder only its owner can enter: it holds a plain copy of the database while a backup or restore runs.</summary>
    internal static void CreateOwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    private static async Task WriteEntryAsync(TarWriter tar, string name, Stream data, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            Mode = OwnerOnly,
            ModificationTime = DateTimeOffset.UtcNow,
        };
        await tar.WriteEntryAsync(entry, ct);
    }

    /// <summary>SHA-256 of a file, in lower-case hex.</summary>
    public static async Task<string> HashAsync(string path, IProgress<long> progress, CancellationToken ct)
    {
        await using var file = new ProgressStream(OpenRead(path), progress);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
