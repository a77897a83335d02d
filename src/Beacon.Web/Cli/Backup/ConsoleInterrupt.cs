namespace Beacon.Web.Cli.Backup;

/// <summary>
/// Ctrl-C as a cancellation instead of an exit, so that a backup or restore stops between steps, rolls back, and
/// deletes its working copy of the database rather than leaving it on disk.
/// </summary>
public sealed class ConsoleInterrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public ConsoleInterrupt() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
