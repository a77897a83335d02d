using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Reporting;

/// <summary>What the mandated-report tests share: signing in, the phone and written forms as a browser sends them, what was stored.</summary>
internal static partial class ReportKit
{
    public const string County = "placer";
    public const string Hotline = "placer-child-welfare";

    /// <summary>A page with a POST form for any signed-in user, for an antiforgery token.</summary>
    private const string TokenPage = "/county";

    private static readonly ResourceManager Strings = new("Beacon.Web.Resources.ReportingResource", typeof(Program).Assembly);

    /// <summary>A string of the reporting pages as a reader of that language sees it.</summary>
    public static string Text(string key, string language = "en") =>
        Strings.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException($"No string {key}.");

    public static string NewAgency() => "Agency " + Guid.NewGuid().ToString("N")[..10];

    public static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<(TestUser User, HttpClient Client)> StaffAsync(this BeaconFactory factory, string agency, string role, string county = County)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, role);
        return (user, await factory.ClientOfAsync(user));
    }

    /// <summary>A fresh signed-in client; <paramref name="codeTime"/> for a user's second sign-in (an authenticator code is accepted once).</summary>
    public static async Task<HttpClient> ClientOfAsync(this BeaconFactory factory, TestUser user, DateTime? codeTime = null)
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user, codeTime)).StatusCode);
        return client;
    }

    /// <summary>A California wall-clock time as the phone form's datetime-local field sends it.</summary>
    public static string Local(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC time to the minute, as a typed time is stored.</summary>
    public static DateTime Minute(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    /// <summary>The phone report form; the information was received at the call unless <paramref name="learnedUtc"/> says otherwise.</summary>
    public static Dictionary<string, string> PhoneForm(
        string agency = Hotline, DateTime? phonedUtc = null, string takenBy = "Intake worker Lupe", string reference = "REF-2026-001",
        string otherName = "", Guid? recordId = null, DateTime? learnedUtc = null)
    {
        var phoned = phonedUtc ?? DateTime.UtcNow.AddMinutes(-5);
        return new()
        {
            ["Input.Agency"] = agency, ["Input.OtherName"] = otherName, ["Input.Learned"] = Local(learnedUtc ?? phoned), ["Input.Phoned"] = Local(phoned),
            ["Input.TakenBy"] = takenBy, ["Input.Reference"] = reference, ["recordId"] = (recordId ?? Guid.NewGuid()).ToString(),
        };
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync(TokenPage, fields, action);

    /// <summary>Records a phone report through the form; the id from the redirect to its page.</summary>
    public static async Task<Guid> PhoneReportAsync(this HttpClient client, string query = "", Dictionary<string, string>? form = null)
    {
        var response = await client.PostAsync("/reports/new" + query, form ?? PhoneForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = ReportPath().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"unexpected redirect {response.Headers.Location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>The written report's fields as the page shows them (and a browser would send them back), with its stamp.</summary>
    public static async Task<(Dictionary<string, string> Fields, string Stamp)> WrittenFormAsync(this HttpClient client, Guid id)
    {
        var raw = await (await client.GetAsync($"/reports/{id}/written")).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputField().Matches(raw))
        {
            fields[input.Groups[1].Value] = WebUtility.HtmlDecode(input.Groups[2].Value);
        }

        foreach (Match area in TextareaField().Matches(raw))
        {
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        var stamp = StampField().Match(raw);
        Assert.True(stamp.Success, "no stamp on the written report page");
        return (fields, stamp.Groups[1].Value);
    }

    /// <summary>Posts the written report: the fields, the button pressed ("save" or "file"), the stamp, and whether to remember work details.</summary>
    public static Task<HttpResponseMessage> PostWrittenAsync(
        this HttpClient client, Guid id, Dictionary<string, string> fields, string stamp, string action, bool remember = false)
    {
        var form = new Dictionary<string, string>(fields) { ["stamp"] = stamp, ["action"] = action };
        if (remember)
        {
            form["remember"] = "true";
        }

        return client.PostAsync($"/reports/{id}/written", form);
    }

    /// <summary>Completes the written report from its page, typing only the required facts Beacon could not know.</summary>
    public static async Task CompleteWrittenAsync(this HttpClient client, Guid id)
    {
        var (fields, stamp) = await client.WrittenFormAsync(id);
        foreach (var (field, value) in new Dictionary<string, string>
                 {
                     ["f.reporter.address"] = "1 School Way, Auburn CA", ["f.reporter.phone"] = "530-555-0100",
                     ["f.reporter.capacity"] = "School counselor", ["f.suspicion.information"] = "Hotel key cards and an older partner",
                 })
        {
            if (string.IsNullOrEmpty(fields.GetValueOrDefault(field)))
            {
                fields[field] = value;
            }
        }

        var response = await client.PostWrittenAsync(id, fields, stamp, "file");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The "record as sent" form: when (UTC, typed as California time), how, where, confirmed, with the page's stamp.</summary>
    public static async Task<HttpResponseMessage> PostSentAsync(
        this HttpClient client, Guid id, DateTime sentUtc, string method = "Fax", string to = "Fax 916-555-0100", bool confirmed = true)
    {
        var page = await client.GetAsync($"/reports/{id}/sent");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stamp = StampField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(stamp.Success, "no stamp on the sent page");
        var form = new Dictionary<string, string>
        {
            ["stamp"] = stamp.Groups[1].Value, ["Input.Sent"] = Local(sentUtc), ["Input.Method"] = method, ["Input.To"] = to,
        };
        if (confirmed)
        {
            form["Input.Confirmed"] = "true";
        }

        return await client.PostAsync($"/reports/{id}/sent", form);
    }

    public static Task<MandatedReport> ReportAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.MandatedReports.AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<int> ReportsByAsync(this BeaconFactory factory, TestUser user) =>
        factory.QueryAsync(db => db.MandatedReports.CountAsync(r => r.ReporterUserId == user.Id));

    public static Task<List<AuditLogEntry>> AuditOfAsync(this BeaconFactory factory, TestUser user, string recordType, Guid id) =>
        factory.QueryAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.RecordType == recordType && e.RecordId == id.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The page answers 404 to the user, and one more refusal of the report is in the audit trail.</summary>
    public static async Task AssertRefusedAsync(this BeaconFactory factory, HttpClient client, TestUser user, Guid id, string path)
    {
        var before = await RefusalsAsync(factory, user, id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(before + 1, await RefusalsAsync(factory, user, id));
    }

    private static async Task<int> RefusalsAsync(BeaconFactory factory, TestUser user, Guid id) =>
        (await factory.AuditOfAsync(user, AuditRecordTypes.MandatedReport, id)).Count(e => e is { Action: AuditAction.AccessRefused, Outcome: AuditOutcome.Refused });

    /// <summary>An error for the field in the page's error summary, linked to it.</summary>
    public static void AssertFieldError(string html, string fieldId, string message) =>
        Assert.True(html.Contains($"<a href=\"#{fieldId}\">{message}</a>", StringComparison.Ordinal), $"No error for {fieldId}: {message}\n{html}");

    [GeneratedRegex("^/reports/([0-9a-f-]{36})$")]
    private static partial Regex ReportPath();

    [GeneratedRegex("<input id=\"f_[^\"]+\" name=\"(f\\.[^\"]+)\"(?: value=\"([^\"]*)\")?")]
    private static partial Regex InputField();

    [GeneratedRegex("<textarea id=\"f_[^\"]+\" name=\"(f\\.[^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextareaField();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampField();
}
