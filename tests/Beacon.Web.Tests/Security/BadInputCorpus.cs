using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Beacon.Web.Tests.Security;

/// <summary>What is wrong with a request of the corpus, which decides what the app must answer.</summary>
public enum Malformation
{
    /// <summary>No antiforgery token: 400, the token named.</summary>
    NoToken,
    /// <summary>A token another signed-in staff member's page issued, replayed in this session: 400, the token named.</summary>
    OtherUsersToken,
    /// <summary>A token an anonymous visitor's page issued, replayed in a signed-in session (or the other way round): 400.</summary>
    AnonymousToken,
    /// <summary>The form's fields as plain text: 415, "not a form" named.</summary>
    PlainText,
    /// <summary>The form's fields as a JSON object without the token header: 415.</summary>
    Json,
    /// <summary>One value longer than a form may carry: 413.</summary>
    Oversized,
    /// <summary>More fields than a form may carry: 413.</summary>
    TooManyFields,
    /// <summary>A multipart body with no boundary: 400, "could not be read" named.</summary>
    BrokenMultipart,
    /// <summary>Bytes that are not UTF-8 and a bidi override in each field: no 500.</summary>
    InvalidUtf8,
    /// <summary>A NUL in every field of a url-encoded form: the form reader refuses it, 400 "could not be read".</summary>
    Nul,
    /// <summary>A NUL in each field of a multipart form, which reads it as it is (PostgreSQL's text cannot hold one): no 500.</summary>
    MultipartNul,
    /// <summary>Numbers at and past the edges of int and long in every number-like field: no 500.</summary>
    HugeNumbers,
    /// <summary>The first and last day a date can hold in every date or time field: no 500.</summary>
    ExtremeDates,
    /// <summary>A script or SQL string in one field, the rest as the page filled them: no 500, no raw script in any page.</summary>
    Injection,
    /// <summary>A script or SQL string in every field at once.</summary>
    InjectionEverywhere,
}

/// <summary>A string meant to do harm, with the text that would appear in a page only if it were not encoded.</summary>
public sealed record Payload(string Name, string Template)
{
    public string With(string marker) => Template.Replace("{m}", marker, StringComparison.Ordinal);
}

/// <summary>
/// The corpus of malformed requests. Each injected string carries a marker of its own (<c>zq1x</c>, a run tag and a
/// number), so that a marker found in the database or in a page names the request and the field it came from.
/// </summary>
public static partial class BadInputCorpus
{
    public static readonly IReadOnlyList<Payload> Payloads =
    [
        new("script", "<script>alert('{m}')</script>"),
        new("attribute", "\"><img src=x onerror=alert('{m}')>"),
        new("sql-drop", "'; DROP TABLE \"AuditLog\"; -- {m}"),
        new("textarea", "</textarea><svg onload=alert('{m}')>"),
        new("sql-or", "' OR '1'='1' -- {m}"),
        new("javascript-url", "javascript:alert('{m}')"),
    ];

    /// <summary>Number-like values: the edges of int and long, past them, negative, not finite.</summary>
    public static readonly IReadOnlyList<string> HugeNumbers = ["2147483647", "-9223372036854775808", "99999999999999999999999999999", "1e309"];

    /// <summary>Dates at the ends of what DateTime holds: a conversion to or from California time falls off them.</summary>
    public static readonly IReadOnlyList<(string Date, string DateTime, string Time)> ExtremeDates =
        [("9999-12-31", "9999-12-31T23:59", "23:59"), ("0001-01-01", "0001-01-01T00:00", "00:00")];

    /// <summary>A value just past the form reader's limit of 4 MiB for one value.</summary>
    public const int OversizedLength = 4 * 1024 * 1024 + 100;

    private static readonly System.Buffers.SearchValues<byte> Unreserved =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."u8);

    private static readonly string RunTag = Guid.NewGuid().ToString("N")[..4];
    private static int _counter;

    public static string NewMarker() => string.Create(CultureInfo.InvariantCulture, $"zq1x{RunTag}{Interlocked.Increment(ref _counter):D6}");

    public static IEnumerable<string> MarkersIn(string text) => MarkerPattern().Matches(text).Select(m => m.Value).Distinct();

    /// <summary>The markers that a page carries as live markup: script, an event handler, a javascript: address.</summary>
    public static IEnumerable<string> LiveMarkersIn(string html) => LivePattern().Matches(html).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>A number-like field: a number box, a field whose value or choices are numbers.</summary>
    public static bool IsNumberLike(FormField field) =>
        field.Type == "number" || (field.Kind is FieldKind.Hidden or FieldKind.Choice or FieldKind.Shaped && long.TryParse(field.Value, out _));

    public static bool IsDateLike(FormField field) => field.Type is "date" or "datetime-local" or "time";

    /// <summary>A url-encoded body from raw pairs; each value as bytes, so that invalid UTF-8 can be sent as it is.</summary>
    public static ByteArrayContent FormBody(IEnumerable<KeyValuePair<string, byte[]>> fields)
    {
        using var body = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            if (body.Length > 0)
            {
                body.WriteByte((byte)'&');
            }

            body.Write(Encoding.ASCII.GetBytes(Uri.EscapeDataString(name) + "="));
            // Percent-encode everything but unreserved characters, as a browser does: the raw bytes stay as they are.
            var rest = value.AsSpan();
            while (rest.Length > 0)
            {
                var plain = rest.IndexOfAnyExcept(Unreserved);
                if (plain < 0)
                {
                    body.Write(rest);
                    break;
                }

                body.Write(rest[..plain]);
                body.Write(Encoding.ASCII.GetBytes("%" + rest[plain].ToString("X2", CultureInfo.InvariantCulture)));
                rest = rest[(plain + 1)..];
            }
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A marker followed by bytes that are not UTF-8 (a lead byte without its continuation, an overlong form, 0xFF) and a bidi override.</summary>
    public static byte[] InvalidUtf8(string marker) =>
        [.. Encoding.ASCII.GetBytes(marker + " "), 0xC3, 0x28, 0xC0, 0xAF, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\u202E end")];

    public static string WithNul(string marker) => marker + " before\0after";

    [GeneratedRegex("zq1x[0-9a-f]{4}[0-9]{6}")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("(?:<script>alert\\(|<img src=x onerror=alert\\(|<svg onload=alert\\(|(?:href|src|action|formaction)\\s*=\\s*\"?javascript:alert\\()'(zq1x[0-9a-f]{4}[0-9]{6})", RegexOptions.IgnoreCase)]
    private static partial Regex LivePattern();
}
