using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening.Screens;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// The optional "about the youth" answers of a demo screen: mostly 14–17, mostly girls, some boys, a few youth of
/// another identity, and some screens where the screener did not know. Platforms only on screens that rate online
/// contact, one to three of them. The weights make the demo look plausible; they are not a statistic.
/// </summary>
public static class DemoProfile
{
    private static readonly (AgeBand? Band, double Weight)[] Ages =
    [
        (AgeBand.Under12, 3), (AgeBand.Age12To13, 12), (AgeBand.Age14To15, 34), (AgeBand.Age16To17, 36), (AgeBand.Age18To20, 7), (null, 8),
    ];

    private static readonly (YouthGender? Gender, double Weight)[] Genders =
        [(YouthGender.Girl, 68), (YouthGender.Boy, 18), (YouthGender.AnotherIdentity, 4), (null, 10)];

    private static readonly (string Platform, double Weight)[] Platforms =
    [
        ("instagram", 24), ("snapchat", 24), ("messaging-app", 14), ("tiktok", 12), ("facebook", 10), ("gaming", 7), ("other", 5), ("dating-app", 4),
    ];

    /// <summary>Draws the profile and writes it as finishing the screen would (after its answers are scored).</summary>
    public static void Apply(SavedScreen screen, IReadOnlyDictionary<string, int?> answers, Random random)
    {
        var platforms = new List<string>();
        if (OnlinePlatforms.OnlineContactRated(answers))
        {
            var wanted = random.Weighted<int>([(1, 60), (2, 30), (3, 10)]);
            while (platforms.Count < wanted)
            {
                var p = random.Weighted<string>(Platforms);
                if (!platforms.Contains(p))
                {
                    platforms.Add(p);
                }
            }
        }

        var profile = new YouthProfile(random.Weighted<AgeBand?>(Ages), random.Weighted<YouthGender?>(Genders), [.. OnlinePlatforms.All.Where(platforms.Contains)]);
        ScreenProfile.Write(screen, profile, answers, finish: true);
    }
}
