using System.Text;
using Beacon.Core.TaskForce;

namespace Beacon.Core.Tests.TaskForce;

public sealed class CalendarFileTests
{
    private static readonly DateTime Stamp = new(2026, 11, 24, 5, 6, 7, DateTimeKind.Utc);

    private static CalendarEntry Entry(string summary = "CSEC 101", string? description = "Bring a notebook.", bool cancelled = false) =>
        new("3f2b-event@beacon", new DateTime(2026, 12, 9, 18, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 9, 20, 30, 0, DateTimeKind.Utc),
            summary, "Salinas, Room 2", description, new Uri("https://beacon.example/task-force/events/3f2b"), cancelled);

    [Fact]
    public void Write_OneEvent_HasTheRequiredPropertiesInOrderWithUtcTimes()
    {
        var ics = CalendarFile.Write(Entry(), Stamp);

        var lines = ics.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("VERSION:2.0", lines[1]);
        Assert.StartsWith("PRODID:", lines[2], StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", lines);
        Assert.Contains("UID:3f2b-event@beacon", lines);
        Assert.Contains("DTSTAMP:20261124T050607Z", lines);
        Assert.Contains("DTSTART:20261209T180000Z", lines);
        Assert.Contains("DTEND:20261209T203000Z", lines);
        Assert.Contains("SUMMARY:CSEC 101", lines);
        Assert.Contains("LOCATION:Salinas\\, Room 2", lines);
        Assert.Contains("URL:https://beacon.example/task-force/events/3f2b", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Equal(["END:VEVENT", "END:VCALENDAR", ""], lines[^3..]);
    }

    [Fact]
    public void Write_AnyContent_EndsEveryLineWithCrlfAndHasNoBareLineFeed()
    {
        var ics = CalendarFile.Write(Entry(description: "Line one\nLine two\r\nLine three\rfour"), Stamp);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Line one\\nLine two\\nLine three\\nfour\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CancelledEvent_SaysStatusCancelled() =>
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", CalendarFile.Write(Entry(cancelled: true), Stamp), StringComparison.Ordinal);

    [Theory]
    [InlineData("a,b;c\\d", "a\\,b\\;c\\\\d")]
    [InlineData("two\r\nlines", "two\\nlines")]
    [InlineData("bell\u0007and\ttab", "belland\ttab")]
    [InlineData("Capacitación: niños y jóvenes", "Capacitación: niños y jóvenes")]
    public void Escape_SpecialCharacters_AreEscapedAsRfc5545Text(string text, string expected) =>
        Assert.Equal(expected, CalendarFile.Escape(text));

    [Fact]
    public void Fold_LongAsciiLine_NoPhysicalLineOver75OctetsAndUnfoldsToTheOriginal()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("0123456789", 20));

        var folded = CalendarFile.Fold(line);

        var physical = folded.Split("\r\n");
        Assert.True(physical.Length > 2);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, $"{Encoding.UTF8.GetByteCount(p)} octets: {p}"));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(physical[0]));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(line, Unfold(folded));
    }

    [Fact]
    public void Fold_MultiByteCharacters_NeverSplitsACharacter()
    {
        // "ñ" is two octets and "🙂" four: a naive cut at octet 75 would land inside one of them.
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("añ🙂", 40));

        var folded = CalendarFile.Fold(line);

        var physical = folded.Split("\r\n");
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75));
        Assert.All(physical, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.Equal(line, Unfold(folded));
    }

    [Fact]
    public void Fold_LineOf75Octets_IsLeftWhole()
    {
        var line = "SUMMARY:" + new string('x', 67);

        Assert.Equal(line, CalendarFile.Fold(line));
    }

    [Fact]
    public void Utc_LocalOrUnspecifiedTime_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => CalendarFile.Utc(new DateTime(2026, 12, 9, 10, 0, 0, DateTimeKind.Unspecified)));
        Assert.Throws<ArgumentException>(() => CalendarFile.Utc(new DateTime(2026, 12, 9, 10, 0, 0, DateTimeKind.Local)));
    }

    private static string Unfold(string folded) => folded.Replace("\r\n ", "", StringComparison.Ordinal);
}
