namespace Beacon.Bench.Load;

/// <summary>
/// The writes the server acknowledged (its redirect said the record was stored), one tab-separated line each:
/// kind, marker, record id (empty where the response names none). Written as they come, so the file holds every
/// acknowledgement even if the driver itself is stopped; the checker reads it after the server has stopped.
/// Kinds: <c>tip</c> (marker in the tip's text), <c>draft</c> and <c>finish</c> (marker is the youth reference,
/// id the screen), <c>note</c> (marker in the note's text, id the note: the form's record id).
/// </summary>
public sealed class Acks(string path) : IDisposable
{
    private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };
    private readonly Lock _lock = new();

    public void Add(string kind, string marker, Guid? id = null)
    {
        lock (_lock)
        {
            _file.WriteLine($"{kind}\t{marker}\t{id}");
        }
    }

    public void Dispose() => _file.Dispose();

    public sealed record Ack(string Kind, string Marker, Guid? Id);

    public static List<Ack> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => new Ack(f[0], f[1], Guid.TryParse(f[2], out var id) ? id : null)).ToList();
}
