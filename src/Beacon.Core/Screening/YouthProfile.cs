namespace Beacon.Core.Screening;

/// <summary>The youth's age band as the screener knows it (a band, never a birth date, so never identifying alone).</summary>
public enum AgeBand
{
    Under12,
    Age12To13,
    Age14To15,
    Age16To17,
    Age18To20,
}

/// <summary>The youth's gender as the youth describes themselves; not known or not said is null, never a guess.</summary>
public enum YouthGender
{
    Girl,
    Boy,
    AnotherIdentity,
}

/// <summary>The online platforms where contact happened: a fixed, coarse list so that a figure never names a niche app.</summary>
public static class OnlinePlatforms
{
    /// <summary>The catalog item whose rating (possible or clear) makes a screen's platforms count.</summary>
    public const string CatalogItem = "online-contact";

    public static readonly IReadOnlyList<string> All =
        ["facebook", "instagram", "snapchat", "tiktok", "messaging-app", "gaming", "dating-app", "other"];

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);

    /// <summary>Whether the answers rate online contact possible (1) or clear (2): only then are platforms kept.</summary>
    public static bool OnlineContactRated(IReadOnlyDictionary<string, int?> answers) =>
        answers.TryGetValue(CatalogItem, out var rating) && rating is 1 or 2;
}
