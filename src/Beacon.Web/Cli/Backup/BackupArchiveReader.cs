using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Beacon.Web.Cli.Backup;

/// <summary>Reads a backup archive in order: the manifest and its signature, then the part, which it checks as it copies.</summary>
public sealed class BackupArchiveReader : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly TarReader _tar;

    private BackupArchiveReader(FileStream file)
    {
        _file = file;
        _gzip = new GZipStream(file, CompressionMode.Decompress);
        _tar = new TarReader(_gzip);
    }

    public byte[] ManifestJson { get; private set; } = [];
    public byte[] Signature { get; private set; } = [];

    public static async Task<BackupArchiveReader> OpenAsync(string path, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"Cannot read the backup {path}: {ex.Message}");
        }

        var reader = new BackupArchiveReader(file);
        try
        {
            reader.ManifestJson = await reader.ReadSmallAsync(BackupManifest.FileName, ct);
            reader.Signature = BackupManifest.ParseSignature(await reader.ReadSmallAsync(BackupManifest.SignatureFileName, ct));
            return reader;
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Copies the next entry, which must be <paramref name="part"/>, into a new owner-only file, and checks its length
    /// and SHA-256 against the manifest. On a mismatch the file is deleted and nothing else has been touched.
    /// </summary>
    public async Task ExtractAsync(BackupPart part, string destination, IProgress<long> progress, CancellationToken ct)
    {
        var entry = await NextAsync(part.Name, ct);
        try
        {
            await using (var file = BackupArchive.CreateOwnerOnly(destination))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 20];
                long copied = 0;
                int read;
                while ((read = await entry.DataStream!.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    copied += read;
                    progress.Report(copied);
                }

                var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                if (copied != part.Bytes || hash != part.Sha256)
                {
                    throw new BackupException($"The archive's {part.Name} does not match its manifest ({copied:N0} bytes with SHA-256 {hash}; " +
                        $"the manifest says {part.Bytes:N0} bytes with {part.Sha256}): the archive is damaged or was altered. Nothing was changed.");
                }
            }

            if (await _tar.GetNextEntryAsync(copyData: false, ct) is { } extra)
            {
                throw new BackupException($"The archive holds '{extra.Name}' after its database, which no Beacon backup has: it was altered. Nothing was changed.");
            }
        }
        catch (Exception ex)
        {
            File.Delete(destination);
            if (ex is InvalidDataException or EndOfStreamException)
            {
                throw Damaged(ex);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _tar.DisposeAsync();
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<byte[]> ReadSmallAsync(string name, CancellationToken ct)
    {
        var entry = await NextAsync(name, ct);
        if (entry.Length > 1 << 20)
        {
            throw new BackupException($"The archive's {name} is {entry.Length:N0} bytes, far more than a manifest: it is not a Beacon backup.");
        }

        using var memory = new MemoryStream();
        await entry.DataStream!.CopyToAsync(memory, ct);
        return memory.ToArray();
    }

    private async Task<TarEntry> NextAsync(string name, CancellationToken ct)
    {
        TarEntry? entry;
        try
        {
            entry = await _tar.GetNextEntryAsync(copyData: false, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Damaged(ex);
        }

        return entry is { EntryType: TarEntryType.RegularFile, DataStream: not null } && entry.Name == name ? entry
            : throw new BackupException($"The archive does not hold {name} where a Beacon backup has it (found {(entry is null ? "the end" : $"'{entry.Name}'")}): " +
                "it is not a Beacon backup, or it is damaged.");
    }

    private static BackupException Damaged(Exception ex) =>
        new($"The archive is damaged (not a complete gzip-compressed tar: {ex.Message}). Nothing was changed.");
}
