using System.Net;
using System.Text.RegularExpressions;

namespace Beacon.Web.Tests.Scanning;

/// <summary>
/// What the scanner page tests share: synthetic notes whose findings are unambiguous (checked against the
/// scanner as it is), and reading a page's highlights and findings list as text, the way a screen reader does.
/// </summary>
internal static partial class ScanKit
{
    /// <summary>Two phones and a hotel key card stated, an older boyfriend denied, a motel stay uncertain.</summary>
    public const string English = "She has two phones and a hotel key card. Denies an older boyfriend. Worried she may be staying at a motel.";

    public const string Spanish = "Tiene dos celulares y una tarjeta de hotel. Niega tener un novio mayor. Tal vez duerme en el carro.";

    /// <summary>The page's text without tags, whitespace collapsed, entities decoded.</summary>
    public static string TextOf(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), "")), " ");

    /// <summary>The text of each item of a findings group ("present", "negated", "uncertain"), every list of that group on the page.</summary>
    public static IReadOnlyList<string> Group(string html, string status) =>
        GroupList().Matches(html).Where(m => m.Groups["status"].Value == status)
            .SelectMany(m => Items().Matches(m.Groups["items"].Value).Select(i => TextOf(i.Groups[1].Value).Trim()))
            .ToList();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<ul class=\"scan-list scan-list-(?<status>[a-z]+)\">(?<items>.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex GroupList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Items();
}
