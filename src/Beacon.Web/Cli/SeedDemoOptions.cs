using System.Globalization;

namespace Beacon.Web.Cli;

/// <summary>
/// The flags of <c>beacon seed-demo</c>: <c>--yes-demo-data</c>, and for the task-force figures' volume
/// <c>--screenings N</c> (with <c>--seed S</c> for another, still repeatable, draw).
/// </summary>
public sealed record SeedDemoOptions(bool Confirmed, int? Screenings, int Seed)
{
    public const string ScreeningsFlag = "--screenings";
    public const string SeedFlag = "--seed";
    public const int MaxScreenings = 5_000_000;
    /// <summary>The draw used when no <c>--seed</c> is given: two runs make the same figures.</summary>
    public const int DefaultSeed = 20261124;

    /// <summary>The flags that take a value, so the command line gives the value to the command and not to the host.</summary>
    public static readonly string[] ValueFlags = [ScreeningsFlag, SeedFlag];

    public static readonly SeedDemoOptions Base = new(false, null, DefaultSeed);

    /// <summary>Reads the flags; on anything it does not take, returns null and a message naming the flag.</summary>
    public static SeedDemoOptions? Parse(IReadOnlyList<string> flags, out string? error)
    {
        var options = Base;
        error = null;
        for (var i = 0; i < flags.Count; i++)
        {
            var flag = flags[i];
            if (flag == SeedDemoCommand.ConfirmFlag)
            {
                options = options with { Confirmed = true };
                continue;
            }

            if (!ValueFlags.Contains(flag))
            {
                error = $"seed-demo does not take '{flag}'. {Usage}";
                return null;
            }

            var value = i + 1 < flags.Count ? flags[++i] : null;
            if (flag == ScreeningsFlag)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxScreenings)
                {
                    error = $"{ScreeningsFlag} needs a whole number of screens from 1 to {MaxScreenings:N0} (got {(value is null ? "nothing" : $"'{value}'")}). Nothing was written.";
                    return null;
                }

                options = options with { Screenings = n };
            }
            else
            {
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                {
                    error = $"{SeedFlag} needs a whole number (got {(value is null ? "nothing" : $"'{value}'")}). Nothing was written.";
                    return null;
                }

                options = options with { Seed = seed };
            }
        }

        return options;
    }

    public const string Usage =
        "beacon seed-demo [--yes-demo-data] [--screenings N [--seed S]]   (synthetic demo data; outside Development it needs --yes-demo-data; " +
        "--screenings adds N screens and N/10 cases over 25 months for the task-force figures)";
}
