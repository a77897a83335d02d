using System.Runtime.CompilerServices;

namespace Beacon.Web.Cli;

/// <summary>
/// The lines of a stream as raw bytes, read in blocks, so that a JSON Lines file of any size is read without
/// holding it whole and a line that is not valid UTF-8 spoils only itself (a decoding reader would fail the
/// rest of the file, at a line it could not name).
/// </summary>
public static class Utf8Lines
{
    private const int BlockSize = 64 * 1024;

    /// <summary>
    /// Each line without its "\n" (a last line without one included). A line is valid only until the next is
    /// asked for: its bytes are in a buffer that is then reused.
    /// </summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = new byte[BlockSize];
        int start = 0, end = 0, searched = 0;
        while (true)
        {
            var newline = buffer.AsSpan(searched, end - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = searched + newline;
                yield return buffer.AsMemory(start, lineEnd - start);
                start = searched = lineEnd + 1;
                continue;
            }

            searched = end;
            if (start > 0)
            {
                // Keep the unfinished line at the front of the buffer.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (end, searched, start) = (end - start, searched - start, 0);
            }
            else if (end == buffer.Length)
            {
                // One line longer than the buffer: room for more of it.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
            if (read == 0)
            {
                if (end > start)
                {
                    yield return buffer.AsMemory(start, end - start);
                }

                yield break;
            }

            end += read;
        }
    }
}
