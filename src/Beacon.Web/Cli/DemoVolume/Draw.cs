namespace Beacon.Web.Cli.DemoVolume;

/// <summary>Draws from the volume's one seeded <see cref="Random"/>, so that a seed always makes the same figures.</summary>
internal static class Draw
{
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn by weight.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items) =>
        items[random.Weighted(items.Select(i => i.Weight).ToArray())].Item;

    public static TimeSpan Hours(this Random random, double from, double to) => TimeSpan.FromHours(from + random.NextDouble() * (to - from));

    public static TimeSpan Days(this Random random, double from, double to) => TimeSpan.FromDays(from + random.NextDouble() * (to - from));
}
