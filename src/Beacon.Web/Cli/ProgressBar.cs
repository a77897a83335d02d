using System.Globalization;

namespace Beacon.Web.Cli;

/// <summary>
/// Progress of long command-line work on standard error: a bar redrawn in place on a terminal, a line every tenth
/// of the way when the output goes to a file or a pipe (so a log is not thousands of carriage returns).
/// </summary>
public sealed class ProgressBar(TextWriter error, string what, long total, bool terminal) : IProgress<long>
{
    private const int Width = 30;
    private int _lastTenth = -1;
    private int _lastWidth = -1;

    public static ProgressBar OnConsole(string what, long total) =>
        new(Console.Error, what, total, !Console.IsErrorRedirected);

    public void Report(long done)
    {
        var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        if (terminal)
        {
            var filled = (int)(fraction * Width);
            if (filled == _lastWidth && done < total)
            {
                return;
            }

            _lastWidth = filled;
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{what} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {done:N0} / {total:N0}"));
            if (done >= total)
            {
                error.WriteLine();
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {fraction:P0} ({done:N0} / {total:N0})"));
        }
    }
}
