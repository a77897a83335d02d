using Beacon.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Beacon.Data;

/// <summary>
/// The one DbContext. Handlers use it directly (no repository layer); provider-specific
/// migrations live in Beacon.Data.Sqlite and Beacon.Data.Postgres.
/// </summary>
public class BeaconDbContext(DbContextOptions<BeaconDbContext> options)
    : IdentityDbContext<BeaconUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TaskForceEvent> TaskForceEvents => Set<TaskForceEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<SavedScreen> SavedScreens => Set<SavedScreen>();
    public DbSet<InstrumentRecord> InstrumentRecords => Set<InstrumentRecord>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BeaconDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite would otherwise hand back DateTimeKind.Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
