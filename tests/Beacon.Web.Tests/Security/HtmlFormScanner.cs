using System.Net;
using System.Text.RegularExpressions;

namespace Beacon.Web.Tests.Security;

/// <summary>What kind of control a form field is, which decides what it may legitimately store.</summary>
public enum FieldKind
{
    /// <summary>A text box or text area: what the person typed, stored as typed.</summary>
    FreeText,
    /// <summary>A hidden field: a stamp, a record id, a return address; never typed.</summary>
    Hidden,
    /// <summary>A choice among values the page offers (select, radio, checkbox).</summary>
    Choice,
    /// <summary>A number, date, time, e-mail or web address box: typed, but of one shape.</summary>
    Shaped,
    /// <summary>A field the page did not show, named from its model (a form not offered to this user, or in this state).</summary>
    Unseen,
}

/// <summary>One field of a form: its name, kind, the input type (for shaped fields), and the value a person would send.</summary>
public sealed record FormField(string Name, FieldKind Kind, string Type, string Value);

/// <summary>A POST form as a page shows it: the path and handler it posts to, and its fields with what a browser would send.</summary>
public sealed record ScannedForm(string Path, string Query, string? Handler, IReadOnlyList<FormField> Fields, string? Token)
{
    public string Action => Path + Query;
}

/// <summary>
/// Reads a page's POST forms the way a browser fills them, without an HTML parser: the app's own markup is regular.
/// Empty text boxes get a plausible value of their type, an unselected radio group or select its first real choice,
/// so that a form is as close to valid as the page allows and a bad value in one field is what the app judges.
/// </summary>
public static partial class HtmlFormScanner
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// Boxes whose value is what the person typed, stored as typed. A phone box is one: a youth's or a guardian's phone
    /// is a note ("the aunt's mobile, after 5") that the app keeps as written, capped in length, not a checked number.
    /// </summary>
    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase) { "", "text", "search", "tel" };

    public static IReadOnlyList<ScannedForm> PostForms(string html, string pagePathAndQuery)
    {
        var forms = new List<ScannedForm>();
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = attributes.GetValueOrDefault("action") is { Length: > 0 } a ? a : pagePathAndQuery;
            action = action.Split('#')[0];
            var queryAt = action.IndexOf('?', StringComparison.Ordinal);
            var (path, query) = queryAt < 0 ? (action, "") : (action[..queryAt], action[queryAt..]);
            var handler = HandlerPattern().Match(query) is { Success: true } h ? Uri.UnescapeDataString(h.Groups[1].Value) : null;
            var fields = Fields(form.Groups[2].Value, out var token);
            forms.Add(new ScannedForm(path, query, handler, fields, token));
        }

        return forms;
    }

    /// <summary>A value a person could type into an empty box of this type, so that the rest of the form is valid.</summary>
    public static string Plausible(string type, string name) => type.ToLowerInvariant() switch
    {
        "email" => "someone@example.org",
        "tel" => "916-555-0100",
        "url" => "https://example.org/",
        "number" => "2",
        "date" => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "datetime-local" => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture),
        "time" => "10:00",
        "password" => "a long synthetic passphrase 42",
        _ => name.Contains("email", StringComparison.OrdinalIgnoreCase) ? "someone@example.org" : "Synthetic text",
    };

    private static List<FormField> Fields(string body, out string? token)
    {
        token = null;
        var fields = new List<FormField>();
        var radios = new Dictionary<string, (string First, string? Checked)>(StringComparer.Ordinal);
        string? button = null;
        foreach (Match control in ControlPattern().Matches(body))
        {
            var block = control.Groups[1].Success;
            var tag = (block ? control.Groups[1] : control.Groups[4]).Value.ToLowerInvariant();
            var attributes = Attributes((block ? control.Groups[2] : control.Groups[5]).Value);
            var content = control.Groups[3].Value;
            if (attributes.GetValueOrDefault("name") is not { Length: > 0 } name || attributes.ContainsKey("disabled"))
            {
                continue;
            }

            var type = attributes.GetValueOrDefault("type") ?? (tag == "button" ? "submit" : "");
            var value = attributes.GetValueOrDefault("value") ?? "";
            switch (tag)
            {
                case "textarea":
                    fields.Add(new FormField(name, FieldKind.FreeText, "textarea", Filled(WebUtility.HtmlDecode(content).TrimStart('\n'), "textarea", name)));
                    break;
                case "select":
                    var options = OptionPattern().Matches(content).Select(o => Attributes(o.Groups[1].Value)).ToList();
                    var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault(o => o.GetValueOrDefault("value") is { Length: > 0 });
                    fields.Add(new FormField(name, FieldKind.Choice, "select", chosen?.GetValueOrDefault("value") ?? ""));
                    break;
                case "button" or "input" when type is "submit" or "image":
                    // The first named button is the one "pressed"; a browser sends only that one.
                    if (button is null && attributes.ContainsKey("name"))
                    {
                        button = name;
                        fields.Add(new FormField(name, FieldKind.Choice, "submit", value));
                    }

                    break;
                case "input" when name == TokenField:
                    token = value;
                    break;
                case "input" when type is "radio":
                    var (first, was) = radios.GetValueOrDefault(name, (value, null));
                    radios[name] = (first, attributes.ContainsKey("checked") ? value : was);
                    break;
                case "input" when type is "checkbox":
                    fields.Add(new FormField(name, FieldKind.Choice, type, attributes.ContainsKey("checked") ? value.Length > 0 ? value : "on" : ""));
                    break;
                case "input" when type is "hidden":
                    fields.Add(new FormField(name, FieldKind.Hidden, type, value));
                    break;
                case "input" when type is "file" or "reset":
                    break;
                case "input":
                    fields.Add(new FormField(name, TextTypes.Contains(type) ? FieldKind.FreeText : FieldKind.Shaped, type, Filled(value, type, name)));
                    break;
            }
        }

        fields.AddRange(radios.Select(r => new FormField(r.Key, FieldKind.Choice, "radio", r.Value.Checked ?? r.Value.First)));
        return fields;
    }

    private static string Filled(string value, string type, string name) => value.Length > 0 ? value : Plausible(type, name);

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(text))
        {
            var value = attribute.Groups[2].Success ? attribute.Groups[2].Value : attribute.Groups[3].Success ? attribute.Groups[3].Value : attribute.Groups[4].Value;
            attributes.TryAdd(attribute.Groups[1].Value, WebUtility.HtmlDecode(value));
        }

        return attributes;
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(textarea|select)\\b([^>]*)>(.*?)</\\1\\s*>|<(input|button)\\b([^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ControlPattern();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("([\\w:.\\-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("[?&]handler=([^&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerPattern();
}
