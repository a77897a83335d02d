using Beacon.Core.Analytics;
using Beacon.Core.Catalog;
using Beacon.Core.Screening;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Analytics;

/// <summary>The families of counts a quarter's cube holds, named once for the sources, the cube and the tables.</summary>
public static class FigureFamilies
{
    public const string Level = "level";
    public const string Items = "items";
    public const string Intake = "intake";
    public const string Referrals = "referrals";
    public const string Services = "services";
    public const string Reports = "reports";
    public const string Mdt = "mdt";
    public const string Age = "age";
    public const string Gender = "gender";
    public const string Platforms = "platforms";
    /// <summary>The category of screens that record no age band (or no gender): keeps the totals equal to the level family's.</summary>
    public const string Unknown = "unknown";

    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string OnTime = "on-time";
    public const string Late = "late";
    public const string Within = "within";
    public const string Later = "later";

    public static readonly string[] Levels = [.. Enum.GetValues<ConcernLevel>().Select(Name)];
    public static readonly string[] AgeBands = [.. Enum.GetValues<AgeBand>().Select(Name), Unknown];
    public static readonly string[] PlatformIds = [.. OnlinePlatforms.All];
    public static readonly string[] Genders = [.. Enum.GetValues<YouthGender>().Select(Name), Unknown];
    /// <summary>
    /// The intake sources counted: tips and logged calls. Staff screens are not: every finished screen of possible or
    /// clear concern (not about a tip) is an intake item of the same month and county, so their count would be
    /// "possible + clear" of the screens table less a few, a relation the cube does not hold, and a reader could
    /// subtract their way to a small "no concern" count. The screens table already shows them.
    /// </summary>
    public static readonly string[] Sources = [Name(IntakeSource.Tip), Name(IntakeSource.Call)];
    public static readonly string[] ServiceKinds = [.. Enum.GetValues<ServiceKind>().Select(Name)];
    public static readonly string[] ServiceOutcomes = [Name(ServiceStatus.Completed), Name(ServiceStatus.Declined)];

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>A service's category: its kind and how it ended (<c>housing:completed</c>).</summary>
    public static string Service(string kind, string outcome) => $"{kind}:{outcome}";

    public static IReadOnlyList<FigureFamily> All(IndicatorCatalog catalog)
    {
        // Services: kind × outcome, with a total per kind, per outcome and over all.
        var serviceLeaves = ServiceKinds.SelectMany(k => ServiceOutcomes.Select(o => Service(k, o))).ToList();
        var serviceTotals = new List<(string, IReadOnlyList<string>)>();
        serviceTotals.AddRange(ServiceKinds.Select(k => (Service(k, FigureFamily.All), (IReadOnlyList<string>)ServiceOutcomes.Select(o => Service(k, o)).ToList())));
        serviceTotals.AddRange(ServiceOutcomes.Select(o => (Service(FigureFamily.All, o), (IReadOnlyList<string>)ServiceKinds.Select(k => Service(k, o)).ToList())));
        serviceTotals.Add((FigureFamily.All, ServiceKinds.Select(k => Service(k, FigureFamily.All)).ToList()));
        serviceTotals.Add((FigureFamily.All, ServiceOutcomes.Select(o => Service(FigureFamily.All, o)).ToList()));
        return
        [
            FigureFamily.Exclusive(Level, Levels, byAgency: true),
            // Screens by age band and by gender are screens too: their totals are the level family's cells.
            FigureFamily.Exclusive(Age, AgeBands, byAgency: true, totalsShareWith: Level),
            FigureFamily.Exclusive(Gender, Genders, byAgency: true, totalsShareWith: Level),
            FigureFamily.Independent(Platforms, PlatformIds, byAgency: true),
            FigureFamily.Independent(Items, [.. catalog.Domains.SelectMany(d => d.Items).Select(i => i.Id)], byAgency: true),
            FigureFamily.Exclusive(Intake, Sources, byAgency: false),
            FigureFamily.Exclusive(Referrals, [Accepted, Declined], byAgency: true),
            new FigureFamily(Services, serviceLeaves, serviceTotals, ByAgency: true),
            FigureFamily.Exclusive(Reports, [OnTime, Late], byAgency: true),
            FigureFamily.Exclusive(Mdt, [Within, Later], byAgency: true),
        ];
    }
}
