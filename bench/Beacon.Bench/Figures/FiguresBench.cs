using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Analytics;
using Beacon.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Beacon.Bench.Figures;

/// <summary>
/// The task-force dashboards on a seeded database (issue 8): each dashboard and export timed over HTTP against a
/// running Beacon, signed in as the demo task-force analyst, next to the hand-written SQL GROUP BY that is the floor
/// of the figures (a quarter's screens by county, agency and level; its item facts by county, agency and item).
/// Prints median, 95th percentile and least of each. Not a unit test: see bench/figures.sh, which starts Beacon.
/// </summary>
public static partial class FiguresBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options.Parse(args);
        var quarter = LastQuarter();
        var months = FigureMonth.MonthsOf(quarter);
        var period = FigureMonth.QuarterKey(quarter);
        Console.WriteLine($"Figures benchmark: {o.Provider}, quarter {period}, {o.Runs} timed runs after {Warmups} warm-ups each.");

        await using var db = Open(o);
        Console.WriteLine($"Database: {await ScalarAsync(db, "SELECT COUNT(*) FROM \"SavedScreens\""):N0} screens, " +
            $"{await ScalarAsync(db, "SELECT COUNT(*) FROM \"Cases\""):N0} cases, {await ScalarAsync(db, "SELECT COUNT(*) FROM \"ScreenItemFacts\""):N0} item facts.");

        // The release is computed the first time anyone asks after a month closes: time that once, from no release.
        var client = await SignInAsync(o);
        await ExecuteAsync(db, $"DELETE FROM \"FigureReleases\" WHERE \"Quarter\" = {quarter}");
        var dashboard = $"/figures?period={period}&county=placer";
        var first = Stopwatch.StartNew();
        var html = await GetAsync(client, dashboard);
        first.Stop();
        Console.WriteLine($"{"First view (publishes the quarter's release)",-52} {first.Elapsed.TotalMilliseconds,8:F0} ms");

        var agency = AgencyOption().Match(html).Groups[1].Value;
        var cases = new (string Name, string Path)[]
        {
            ("Dashboard: county, last quarter", dashboard),
            ("Dashboard: one agency, last quarter", $"{dashboard}&agency={agency}"),
            ("Dashboard: county, one month", $"/figures?period={FigureMonth.Key(months[1])}&county=placer"),
            ("CSV of every table", $"{dashboard}&handler=Csv"),
            ("PDF report", $"{dashboard}&handler=Pdf"),
        };
        foreach (var (name, path) in cases)
        {
            Print(name, await TimeAsync(o.Runs, () => GetAsync(client, path)));
        }

        var (start, end) = (FigureMonth.StartUtc(months[0]), FigureMonth.EndUtc(months[2]));
        Print("Floor: screens GROUP BY county, agency, level", await TimeAsync(o.Runs, () => CountRowsAsync(db,
            "SELECT \"JurisdictionId\", \"AgencyId\", \"Level\", COUNT(*) FROM \"SavedScreens\" WHERE \"CompletedUtc\" >= @a AND \"CompletedUtc\" < @b " +
            "GROUP BY \"JurisdictionId\", \"AgencyId\", \"Level\"", start, end)));
        Print("Floor: item facts GROUP BY county, agency, item", await TimeAsync(o.Runs, () => CountRowsAsync(db,
            $"SELECT \"JurisdictionId\", \"AgencyId\", \"ItemId\", COUNT(*) FROM \"ScreenItemFacts\" WHERE \"Month\" IN ({string.Join(',', months)}) " +
            "GROUP BY \"JurisdictionId\", \"AgencyId\", \"ItemId\"", null, null)));
        return 0;
    }

    private const int Warmups = 3;

    private static int LastQuarter() => FigureMonth.LastClosedQuarter(DateTime.UtcNow);

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < Warmups; i++)
        {
            await action();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void Print(string name, List<double> ms)
    {
        ms.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} median {ms[ms.Count / 2],7:F1} ms   p95 {ms[(int)Math.Ceiling(ms.Count * 0.95) - 1],7:F1} ms   least {ms[0],7:F1} ms"));
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }

        return body;
    }

    private static async Task<HttpClient> SignInAsync(Options o)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(o.Url) };
        await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = o.Email, ["Input.Password"] = o.Password });
        await PostFormAsync(client, "/account/sign-in/code", new() { ["Code"] = TotpTokenProvider.CodeAt(o.Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), DateTime.UtcNow) });
        if (!(await client.GetAsync("/staff")).IsSuccessStatusCode)
        {
            throw new InvalidOperationException("Signing in as the analyst failed: check --email, --password and --key (seed-demo prints them).");
        }

        return client;
    }

    private static async Task PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static DbConnection Open(Options o)
    {
        DbConnection c = o.Provider == "postgres" ? new NpgsqlConnection(o.Connection) : new SqliteConnection(o.Connection);
        c.Open();
        return c;
    }

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<int> CountRowsAsync(DbConnection db, string sql, DateTime? a, DateTime? b)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in new[] { ("a", a), ("b", b) })
        {
            if (value is { } v)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = v;
                cmd.Parameters.Add(p);
            }
        }

        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<select id=\"agency\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"([0-9a-f-]+)\"")]
    private static partial Regex AgencyOption();

    private sealed record Options(string Url, string Email, string Password, string Key, string Provider, string Connection, int Runs)
    {
        public static Options Parse(string[] args)
        {
            string Get(string flag, string? fallback = null)
            {
                var i = Array.IndexOf(args, flag);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{flag} is required.");
            }

            return new(Get("--url"), Get("--email"), Get("--password"), Get("--key"), Get("--provider", "sqlite"), Get("--connection"),
                int.Parse(Get("--runs", "20"), CultureInfo.InvariantCulture));
        }
    }
}
