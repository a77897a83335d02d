namespace Beacon.Core.Screening;

/// <summary>The optional "about the youth" answers of a screen: coarse, each may be unknown.</summary>
public sealed record YouthProfile(AgeBand? AgeBand, YouthGender? Gender, IReadOnlyList<string> Platforms)
{
    public static readonly YouthProfile Empty = new(null, null, []);

    /// <summary>The field names of the form, also the keys of <see cref="YouthProfileRead.Errors"/>.</summary>
    public const string AgeField = "age-band";
    public const string GenderField = "gender";
    public const string PlatformsField = "platforms";

    /// <summary>
    /// Reads the posted values: empty is "not known"; a value outside the lists is an error on its field (nothing
    /// is guessed). Platforms come back in the list's order, each once.
    /// </summary>
    public static YouthProfileRead Read(string? age, string? gender, IEnumerable<string?> platforms)
    {
        var errors = new List<string>();
        AgeBand? band = null;
        if (!string.IsNullOrEmpty(age))
        {
            if (Enum.TryParse<AgeBand>(age, ignoreCase: false, out var b) && Enum.IsDefined(b) && !int.TryParse(age, out _))
            {
                band = b;
            }
            else
            {
                errors.Add(AgeField);
            }
        }

        YouthGender? g = null;
        if (!string.IsNullOrEmpty(gender))
        {
            if (Enum.TryParse<YouthGender>(gender, ignoreCase: false, out var v) && Enum.IsDefined(v) && !int.TryParse(gender, out _))
            {
                g = v;
            }
            else
            {
                errors.Add(GenderField);
            }
        }

        var given = platforms.Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList();
        if (given.Any(p => !OnlinePlatforms.IsKnown(p)))
        {
            errors.Add(PlatformsField);
        }

        var chosen = OnlinePlatforms.All.Where(p => given.Contains(p, StringComparer.Ordinal)).ToList();
        return new YouthProfileRead(new YouthProfile(band, g, chosen), errors);
    }

    /// <summary>What a finished screen keeps: platforms only when online contact is rated possible or clear.</summary>
    public YouthProfile ForFinished(IReadOnlyDictionary<string, int?> answers) =>
        OnlinePlatforms.OnlineContactRated(answers) ? this : this with { Platforms = [] };
}

/// <summary>A read profile and the fields that held values outside their lists.</summary>
public sealed record YouthProfileRead(YouthProfile Profile, IReadOnlyList<string> Errors);
