using System.Net;
using System.Text.RegularExpressions;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>Reads a page's antiforgery token and posts its form, as a browser would.</summary>
public static partial class HtmlForms
{
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return TokenFrom(html) ?? throw new InvalidOperationException($"No antiforgery token on {path} ({(int)response.StatusCode}).");
    }

    public static string? TokenFrom(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>
    /// GETs <paramref name="path"/> for its token, then POSTs the fields to <paramref name="action"/> (default: the same
    /// path). A page that shows no form now (an event since cancelled, an address that is not found: a form left open in
    /// another tab) gives no token; the token of the county page's form is sent instead, as the browser's cookie would
    /// still match it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string path, IDictionary<string, string> fields, string? action = null)
    {
        var token = TokenFrom(await (await client.GetAsync(path)).Content.ReadAsStringAsync())
                    ?? await client.AntiforgeryTokenAsync("/county");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(all));
    }

    /// <summary>GETs <paramref name="path"/> for its token, then POSTs one file as a browser's multipart form does.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string path, string field, string fileName, byte[] content, string? action = null)
    {
        var token = await client.AntiforgeryTokenAsync(path);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(file, field, fileName);
        return await client.PostAsync(action ?? path, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
