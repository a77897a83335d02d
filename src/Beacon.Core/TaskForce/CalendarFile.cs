using System.Globalization;
using System.Text;

namespace Beacon.Core.TaskForce;

/// <summary>One event as a calendar file describes it. Times are UTC.</summary>
public sealed record CalendarEntry(
    string Uid,
    DateTime StartsUtc,
    DateTime EndsUtc,
    string Summary,
    string? Location,
    string? Description,
    Uri? Url,
    bool IsCancelled);

/// <summary>
/// Writes an iCalendar file (RFC 5545) holding one VEVENT. Lines end in CRLF and are folded at 75
/// octets without splitting a UTF-8 character; TEXT values are escaped; times are UTC in the "Z" form,
/// so no VTIMEZONE is needed and every calendar shows the event at the right local time.
/// </summary>
public static class CalendarFile
{
    public const string MediaType = "text/calendar";
    public const string ProductId = "-//Beacon//Task force events//EN";
    private const int MaxOctets = 75;

    public static string Write(CalendarEntry entry, DateTime stampUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ProductId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Escape(entry.Uid),
            "DTSTAMP:" + Utc(stampUtc),
            "DTSTART:" + Utc(entry.StartsUtc),
            "DTEND:" + Utc(entry.EndsUtc),
            "SUMMARY:" + Escape(entry.Summary),
        };
        if (!string.IsNullOrWhiteSpace(entry.Location))
        {
            lines.Add("LOCATION:" + Escape(entry.Location));
        }

        if (!string.IsNullOrWhiteSpace(entry.Description))
        {
            lines.Add("DESCRIPTION:" + Escape(entry.Description));
        }

        if (entry.Url is not null)
        {
            // A URI value, not TEXT: it is not escaped.
            lines.Add("URL:" + entry.Url.AbsoluteUri);
        }

        lines.Add("STATUS:" + (entry.IsCancelled ? "CANCELLED" : "CONFIRMED"));
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);

        var file = new StringBuilder();
        foreach (var line in lines)
        {
            file.Append(Fold(line)).Append("\r\n");
        }

        return file.ToString();
    }

    /// <summary>A UTC time in the RFC 5545 "form #2" (e.g. 20261209T180000Z).</summary>
    public static string Utc(DateTime time) => time.Kind == DateTimeKind.Utc
        ? time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
        : throw new ArgumentException("Calendar times must be UTC (DateTimeKind.Utc).", nameof(time));

    /// <summary>
    /// Escapes a TEXT value: backslash, semicolon and comma get a backslash, every line break becomes
    /// "\n", and other control characters (which TEXT may not hold) are dropped.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r':
                    escaped.Append("\\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Folds one content line so that no physical line passes 75 octets (the CRLF not counted; the
    /// space that starts a continuation counted), breaking only between whole characters.
    /// </summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder(line.Length + 8);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }
}
