namespace Beacon.Web.Infrastructure;

/// <summary>The <c>Beacon</c> configuration section (the database has its own, <c>Beacon:Database</c>).</summary>
public sealed class BeaconOptions
{
    public const string Section = "Beacon";

    /// <summary>The county whose hotline the help bar shows before a visitor picks one; empty for none.</summary>
    public string DefaultJurisdiction { get; set; } = "";

    /// <summary>Where the quick-exit button sends a visitor: a neutral page on another site.</summary>
    public string QuickExitUrl { get; set; } = "https://www.weather.gov/";

    /// <summary>Base of links printed to the console (setup links); empty to use the first listening URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Print a first-administrator setup link at start-up while none exists (tests turn it off).</summary>
    public bool PrintSetupLink { get; set; } = true;

    /// <summary>Folder of <c>content/</c>; empty for the copy beside the binary.</summary>
    public string ContentPath { get; set; } = "";

    /// <summary>
    /// Base64 of the 32-byte key that encrypts the Data Protection keys in the database; from a secret
    /// store in production (<c>Beacon__KeyEncryptionKey</c>). Every instance sharing a database needs the same one.
    /// </summary>
    public string KeyEncryptionKey { get; set; } = "";

    /// <summary>Where to keep the key when <see cref="KeyEncryptionKey"/> is empty; empty for beside the SQLite file.</summary>
    public string KeyEncryptionKeyFile { get; set; } = "";

    /// <summary>
    /// Maps <c>GET /bench/ceiling</c>, which answers a constant string through the whole middleware pipeline: the
    /// ceiling that <c>bench/web.sh</c> compares the pages with. Off unless a benchmark turns it on.
    /// </summary>
    public bool BenchmarkCeiling { get; set; }

    public SessionOptions Sessions { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public RetentionOptions Retention { get; set; } = new();

    public string ResolveContentPath() =>
        string.IsNullOrWhiteSpace(ContentPath) ? Path.Combine(AppContext.BaseDirectory, "content") : ContentPath;

    public sealed class SessionOptions
    {
        public int IdleMinutes { get; set; } = 20;
        public int AbsoluteHours { get; set; } = 8;
    }

    public sealed class RateLimitOptions
    {
        public int SignInPerMinute { get; set; } = 10;
        public int TipsPerHour { get; set; } = 10;
        /// <summary>The public screening API is called as answers change, so the limit is per minute.</summary>
        public int ScreensPerMinute { get; set; } = 60;
        /// <summary>Task force event registrations and cancellations, together, per address.</summary>
        public int RegistrationsPerHour { get; set; } = 20;
        /// <summary>Certificate checks at /verify per address (each one a guess at a code).</summary>
        public int VerificationsPerMinute { get; set; } = 20;
    }

    /// <summary>The retention purge (<c>Beacon:Retention</c>): how often it looks for youth records past their county's period.</summary>
    public sealed class RetentionOptions
    {
        /// <summary>Off only where something else runs the purge (the tests call it directly).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Time between runs, e.g. "06:00:00"; the first run is one minute after start, or sooner if this is shorter.</summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    }
}
