namespace Beacon.Bench.Load;

/// <summary>The <c>--flag value</c> arguments of the load commands.</summary>
public sealed class Args(string[] args)
{
    public static Args Of(string[] args) => new(args);

    public string Get(string flag, string? fallback = null)
    {
        var i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{flag} is required.");
    }
}
