using System.Globalization;
using Beacon.Core.Analytics;
using Beacon.Core.Catalog;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// Cuts one dashboard's tables out of a release: every figure is a cell of the release (shown, "&lt;11" or hidden
/// as the suppression decided), so the page, its charts and its CSV and PDF exports carry the same values. No
/// figure is computed here from other figures except a share, and a share is shown only when both its counts are.
/// </summary>
public sealed class DashboardTables(PublishedFigures figures, FigurePeriod period, string place, IStringLocalizer<AnalyticsResource> g,
    IndicatorCatalog catalog, string language)
{
    // The page asks only for periods the release covers whole (listed, closed, not past the release's last month):
    // a quarter's cells and each of its months' are all in it.
    private string Period => period.Key;

    /// <summary>One row per month of the period, then the whole quarter as a total row (a month's page has the one row).</summary>
    private List<FigureRow> MonthRows(Func<string, string, bool, FigureRow> row)
    {
        var rows = period.Months.Select(m => row(FigureMonth.Name(m, CultureInfo.CurrentCulture), FigureCube.PeriodKey(m), false)).ToList();
        if (period.Month is null)
        {
            rows.Add(row(g["Row.WholePeriod"], Period, true));
        }

        return rows;
    }

    public IReadOnlyList<FigureTable> All(bool placeIsAgency, int? mdtHours)
    {
        var tables = new List<FigureTable>
        {
            ByMonth("screens-by-level", g["Table.ScreensByLevel"], FigureFamilies.Level, FigureFamilies.Levels.Select(l => (l, g["Level." + l].Value)), FigureChart.Stacked,
                g["Note.ScreensByLevel"]),
            ByMonth("screens-by-age", g["Table.ScreensByAge"], FigureFamilies.Age, FigureFamilies.AgeBands.Select(a => (a, g["Age." + a].Value)), FigureChart.Stacked,
                g["Note.ScreensByAge"], totalsFamily: FigureFamilies.Level),
            ByMonth("screens-by-gender", g["Table.ScreensByGender"], FigureFamilies.Gender, FigureFamilies.Genders.Select(x => (x, g["Gender." + x].Value)),
                FigureChart.Stacked, g["Note.ScreensByGender"], totalsFamily: FigureFamilies.Level),
            Platforms(),
        };
        foreach (var (id, domains) in ItemGroups)
        {
            tables.Add(Items(id, domains));
        }

        tables.Add(ByMonth("intake-by-source", g["Table.IntakeBySource"], FigureFamilies.Intake, FigureFamilies.Sources.Select(s => (s, g["Source." + s].Value)),
            FigureChart.Stacked, placeIsAgency ? g["Note.IntakeCountyOnly"] : g["Note.IntakeBySource"], countyOnly: true));
        tables.Add(ByMonth("referrals", g["Table.Referrals"], FigureFamilies.Referrals,
            [(FigureFamilies.Accepted, g["Referral.accepted"].Value), (FigureFamilies.Declined, g["Referral.declined"].Value)], FigureChart.Stacked, g["Note.Referrals"]));
        tables.Add(Services());
        tables.Add(Clock("written-reports", g["Table.WrittenReports"], FigureFamilies.Reports, FigureFamilies.OnTime, FigureFamilies.Late,
            g["Clock.OnTime"], g["Clock.Late"], g["Clock.ShareOnTime"], g["Note.WrittenReports"], median: false));
        tables.Add(Clock("first-mdt", g["Table.FirstMdt"], FigureFamilies.Mdt, FigureFamilies.Within, FigureFamilies.Later,
            g["Clock.Within"], g["Clock.Later"], g["Clock.ShareWithin"],
            mdtHours is { } h ? g["Note.FirstMdt", h] : g["Note.FirstMdtNoProtocol"], median: true));
        return tables;
    }

    /// <summary>The catalog's domains as the issue names them: indicators, risk factors, pathways, tactics, places.</summary>
    private static readonly (string Id, string[] Domains)[] ItemGroups =
    [
        ("indicators", ["general", "trafficking", "exploitation"]), ("risk-factors", ["risk"]), ("pathways", ["pathway"]),
        ("grooming-tactics", ["grooming"]), ("recruitment-places", ["venue"]),
    ];

    private string PlaceFor(bool countyOnly) => countyOnly && Guid.TryParseExact(place, "N", out _) ? CountyOfAgency ?? place : place;

    /// <summary>The county of the selected agency, for families counted by county only; set by the page.</summary>
    public string? CountyOfAgency { get; init; }

    /// <summary>Rows are the months (and the whole period when the release has it); columns the categories and their total.</summary>
    /// <remarks><paramref name="totalsFamily"/>: the family whose cells are this one's totals (screens by age band total as screens by level).</remarks>
    private FigureTable ByMonth(string id, string title, string family, IEnumerable<(string Key, string Label)> categories, FigureChart chart, string note,
        bool countyOnly = false, string? totalsFamily = null)
    {
        var where = PlaceFor(countyOnly);
        var columns = categories.ToList();
        var rows = MonthRows(Row);

        return new FigureTable(id, title, g["Column.Month"], [.. columns.Select(c => c.Label), g["Column.All"]], rows, chart, note) { LastColumnIsTotal = true };

        FigureRow Row(string label, string periodKey, bool isTotal) =>
            new(label, [.. columns.Select(c => figures.Get(family, periodKey, where, c.Key)), figures.Get(totalsFamily ?? family, periodKey, where, FigureFamily.All)]) { IsTotal = isTotal };
    }

    /// <summary>How many screens recorded each item of a group in the whole period, most recorded first.</summary>
    private FigureTable Items(string id, string[] domains)
    {
        var items = catalog.Domains.Where(d => domains.Contains(d.Id)).SelectMany(d => d.Items).ToList();
        var rows = new List<(FigureRow Row, FigureValue Value)>();
        foreach (var item in items)
        {
            var value = figures.Get(FigureFamilies.Items, Period, place, item.Id);
            rows.Add((new FigureRow(item.Text.For(language), [value]), value));
        }

        // Shown counts by size, then "<11", then hidden: a ranking never orders what it does not show.
        var ordered = rows.OrderBy(r => r.Value.Disclosure).ThenByDescending(r => r.Value.Number ?? 0)
            .ThenBy(r => r.Row.Label, StringComparer.Create(CultureInfo.CurrentCulture, true)).Select(r => r.Row).ToList();
        return new FigureTable(id, g["Table." + id], g["Column.Item"], [g["Column.ScreensRecording"]], ordered, FigureChart.Bar,
            g["Note.Items"]);
    }

    /// <summary>How many screens named each online platform in the whole period (only screens rating online contact), most first.</summary>
    private FigureTable Platforms()
    {
        var rows = FigureFamilies.PlatformIds.Select(p =>
        {
            var value = figures.Get(FigureFamilies.Platforms, Period, place, p);
            return (Row: new FigureRow(g["Platform." + p], [value]), Value: value);
        }).ToList();
        var ordered = rows.OrderBy(r => r.Value.Disclosure).ThenByDescending(r => r.Value.Number ?? 0)
            .ThenBy(r => r.Row.Label, StringComparer.Create(CultureInfo.CurrentCulture, true)).Select(r => r.Row).ToList();
        return new FigureTable("online-platforms", g["Table.OnlinePlatforms"], g["Column.Platform"], [g["Column.ScreensNaming"]], ordered, FigureChart.Bar,
            g["Note.OnlinePlatforms"]);
    }

    /// <summary>Services that ended in the period, by type (rows) and how they ended (columns).</summary>
    private FigureTable Services()
    {
        var outcomes = FigureFamilies.ServiceOutcomes;
        var rows = new List<FigureRow>();
        foreach (var kind in FigureFamilies.ServiceKinds.Append(FigureFamily.All))
        {
            FigureValue Cell(string outcome) =>
                figures.Get(FigureFamilies.Services, Period, place, kind == FigureFamily.All && outcome == FigureFamily.All ? FigureFamily.All : FigureFamilies.Service(kind, outcome));
            rows.Add(new FigureRow(kind == FigureFamily.All ? g["Row.AllServices"] : g["Service." + kind], [.. outcomes.Select(Cell), Cell(FigureFamily.All)])
            {
                IsTotal = kind == FigureFamily.All,
            });
        }

        return new FigureTable("services", g["Table.Services"], g["Column.Service"], [.. outcomes.Select(o => g["ServiceOutcome." + o].Value), g["Column.All"]],
            rows, FigureChart.Stacked, g["Note.Services"]) { LastColumnIsTotal = true };
    }

    /// <summary>A legal or protocol clock by month: in time, later, all, the share in time, and for the MDT the median time.</summary>
    private FigureTable Clock(string id, string title, string family, string inTime, string late, string inTimeLabel, string lateLabel, string shareLabel,
        string note, bool median)
    {
        var rows = MonthRows(Row);

        List<string> columns = [inTimeLabel, lateLabel, g["Column.All"], shareLabel];
        if (median)
        {
            columns.Add(g["Column.MedianDays"]);
        }

        return new FigureTable(id, title, g["Column.Month"], columns, rows, FigureChart.None, note);

        FigureRow Row(string label, string periodKey, bool isTotal)
        {
            var ok = figures.Get(family, periodKey, place, inTime);
            var all = figures.Get(family, periodKey, place, FigureFamily.All);
            var share = ok.Disclosure == Disclosure.Shown && all is { Disclosure: Disclosure.Shown, Number: > 0 }
                ? FigureValue.Measure(100.0 * ok.Number!.Value / all.Number!.Value, FigureUnit.Percent)
                : FigureValue.Withheld(Disclosure.Hidden, FigureUnit.Percent);
            List<FigureValue> values = [ok, figures.Get(family, periodKey, place, late), all, share];
            if (median)
            {
                var m = figures.Get(FigureReleases.MdtMedian, periodKey, place, FigureFamily.All);
                values.Add(m is { Disclosure: Disclosure.Shown, Number: { } tenths } && all.Number > 0
                    ? FigureValue.Measure(tenths / 10.0 / 24.0, FigureUnit.Days)
                    : FigureValue.Withheld(Disclosure.Hidden, FigureUnit.Days));
            }

            return new FigureRow(label, values) { IsTotal = isTotal };
        }
    }
}
