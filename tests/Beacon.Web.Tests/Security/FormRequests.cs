using System.Text;

namespace Beacon.Web.Tests.Security;

/// <summary>One request of the corpus, ready to send, with the markers it carries by field.</summary>
public sealed record CorpusRequest(string Case, HttpRequestMessage Request, IReadOnlyDictionary<string, FormField> Marked);

/// <summary>
/// Builds the corpus's requests for one form: its fields as the page filled them (or as its model names them, when
/// the page did not show the form to this sender), its token, and where it posts.
/// </summary>
public sealed class FormRequests(string action, IReadOnlyList<FormField> fields, string? token, int seed)
{
    private static readonly byte[] Oversized = Enumerable.Repeat((byte)'a', BadInputCorpus.OversizedLength).ToArray();

    public IEnumerable<CorpusRequest> For(Malformation malformation, string? otherToken = null) => malformation switch
    {
        Malformation.NoToken => [Make(malformation, Plain(), null)],
        Malformation.OtherUsersToken or Malformation.AnonymousToken => otherToken is null ? [] : [Make(malformation, Plain(), otherToken)],
        Malformation.PlainText => [Raw(malformation, "text/plain", Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{f.Name}={f.Value}"))))],
        Malformation.Json => [Raw(malformation, "application/json",
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Value))))],
        Malformation.Oversized => [Make(malformation, Replace(fields.FirstOrDefault(f => f.Kind == FieldKind.FreeText)?.Name ?? "oversized", Oversized), token)],
        Malformation.TooManyFields => [Make(malformation, Plain().Concat(Enumerable.Range(0, 1100).Select(i => Pair($"extra{i}", "1"))), token)],
        Malformation.BrokenMultipart => [Raw(malformation, "multipart/form-data",
            Encoding.UTF8.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"{HtmlFormScanner.TokenField}\"\r\n\r\n{token}\r\n--x--"))],
        // Like the injection below: a typed field at a time (so that a valid form stores it, a NUL included), then the rest.
        Malformation.InvalidUtf8 => fields.Where(Typed).Select(field => Marked(malformation, f => ReferenceEquals(f, field), BadInputCorpus.InvalidUtf8))
            .Concat(fields.Any(f => !Typed(f)) ? [Marked(malformation, f => !Typed(f), BadInputCorpus.InvalidUtf8)] : []),
        // Every field, and one more so that a form with no field of its own carries a NUL too.
        Malformation.Nul => [Marked(malformation, _ => true, m => Encoding.UTF8.GetBytes(BadInputCorpus.WithNul(m)), extra: "note")],
        Malformation.MultipartNul => fields.Where(Typed).Select(field => Multipart(malformation, field)),
        Malformation.HugeNumbers when fields.Any(BadInputCorpus.IsNumberLike) =>
            BadInputCorpus.HugeNumbers.Select(n => Make(malformation, fields.Select(f => Pair(f.Name, BadInputCorpus.IsNumberLike(f) ? n : f.Value)), token)),
        Malformation.ExtremeDates when fields.Any(BadInputCorpus.IsDateLike) =>
            BadInputCorpus.ExtremeDates.Select(d => Make(malformation, fields.Select(f => Pair(f.Name, f.Type switch
            {
                "date" => d.Date, "datetime-local" => d.DateTime, "time" => d.Time, _ => f.Value,
            })), token)),
        // One typed field at a time, each with the next payload in turn, the rest as the page filled them; then every
        // field the page fills itself (hidden, choices, the button) at once, with the typed ones valid.
        Malformation.Injection => fields.Where(Typed).Select((field, i) => Marked(malformation, f => ReferenceEquals(f, field),
                m => Encoding.UTF8.GetBytes(BadInputCorpus.Payloads[(seed + i) % BadInputCorpus.Payloads.Count].With(m))))
            .Concat(fields.Any(f => !Typed(f)) ? [Marked(malformation, f => !Typed(f),
                m => Encoding.UTF8.GetBytes(BadInputCorpus.Payloads[(seed + 1) % BadInputCorpus.Payloads.Count].With(m)))] : []),
        Malformation.InjectionEverywhere => [Marked(malformation, _ => true,
            m => Encoding.UTF8.GetBytes(BadInputCorpus.Payloads[seed % BadInputCorpus.Payloads.Count].With(m)))],
        _ => [],
    };

    private static bool Typed(FormField field) => field.Kind is FieldKind.FreeText or FieldKind.Shaped;

    private IEnumerable<KeyValuePair<string, byte[]>> Plain() => fields.Select(f => Pair(f.Name, f.Value));

    private IEnumerable<KeyValuePair<string, byte[]>> Replace(string name, byte[] value) =>
        fields.Any(f => f.Name == name) ? fields.Select(f => f.Name == name ? new(f.Name, value) : Pair(f.Name, f.Value)) : Plain().Append(new(name, value));

    private CorpusRequest Marked(Malformation malformation, Func<FormField, bool> which, Func<string, byte[]> value, string? extra = null)
    {
        var marked = new Dictionary<string, FormField>(StringComparer.Ordinal);
        var all = extra is null ? fields : [.. fields, new FormField(extra, FieldKind.Unseen, "", "")];
        var pairs = all.Select(f =>
        {
            if (!which(f))
            {
                return Pair(f.Name, f.Value);
            }

            var marker = BadInputCorpus.NewMarker();
            marked[marker] = f;
            return new KeyValuePair<string, byte[]>(f.Name, value(marker));
        }).ToList();
        return new CorpusRequest(malformation.ToString(), Post(FreshRecordIds(pairs), token), marked);
    }

    /// <summary>The form as multipart/form-data (as a form with a file box sends it), one field with a NUL.</summary>
    private CorpusRequest Multipart(Malformation malformation, FormField nul)
    {
        var marker = BadInputCorpus.NewMarker();
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in FreshRecordIds(fields.Select(f => ReferenceEquals(f, nul) ? Pair(f.Name, BadInputCorpus.WithNul(marker)) : Pair(f.Name, f.Value))))
        {
            content.Add(new ByteArrayContent(value), name);
        }

        if (token is not null)
        {
            content.Add(new StringContent(token), HtmlFormScanner.TokenField);
        }

        return new(malformation.ToString(), new HttpRequestMessage(HttpMethod.Post, action) { Content = content }, new Dictionary<string, FormField> { [marker] = nul });
    }

    private CorpusRequest Make(Malformation malformation, IEnumerable<KeyValuePair<string, byte[]>> pairs, string? withToken) =>
        new(malformation.ToString(), Post(FreshRecordIds(pairs), withToken), new Dictionary<string, FormField>());

    private CorpusRequest Raw(Malformation malformation, string mediaType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return new(malformation.ToString(), new HttpRequestMessage(HttpMethod.Post, action) { Content = content }, new Dictionary<string, FormField>());
    }

    private HttpRequestMessage Post(IEnumerable<KeyValuePair<string, byte[]>> pairs, string? withToken) => new(HttpMethod.Post, action)
    {
        Content = BadInputCorpus.FormBody(withToken is null ? pairs : pairs.Append(Pair(HtmlFormScanner.TokenField, withToken))),
    };

    /// <summary>A form that creates a record carries the new record's id: each request a new one, or the second would find the first's record.</summary>
    private static IEnumerable<KeyValuePair<string, byte[]>> FreshRecordIds(IEnumerable<KeyValuePair<string, byte[]>> pairs) =>
        pairs.Select(p => p.Key == "recordId" && Guid.TryParse(Encoding.UTF8.GetString(p.Value), out _) ? Pair(p.Key, Guid.NewGuid().ToString()) : p);

    private static KeyValuePair<string, byte[]> Pair(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));
}
