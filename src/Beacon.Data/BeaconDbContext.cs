using Beacon.Data.Encryption;
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
public class BeaconDbContext(DbContextOptions<BeaconDbContext> options, IColumnProtector? protector = null)
    : IdentityDbContext<BeaconUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Encrypts the [Encrypted] columns; null only at design time (migrations).</summary>
    internal IColumnProtector? Protector { get; } = protector;

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
    public DbSet<Youth> Youth => Set<Youth>();
    public DbSet<GuardianContact> GuardianContacts => Set<GuardianContact>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseStatusChange> CaseStatusChanges => Set<CaseStatusChange>();
    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();
    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseNoteVersion> CaseNoteVersions => Set<CaseNoteVersion>();
    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();
    public DbSet<SafetyPlan> SafetyPlans => Set<SafetyPlan>();
    public DbSet<CaseService> CaseServices => Set<CaseService>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<MdtMeeting> MdtMeetings => Set<MdtMeeting>();
    public DbSet<MdtAttendance> MdtAttendance => Set<MdtAttendance>();
    public DbSet<IntakeItem> IntakeItems => Set<IntakeItem>();
    public DbSet<MandatedReport> MandatedReports => Set<MandatedReport>();
    public DbSet<ScreenItemFact> ScreenItemFacts => Set<ScreenItemFact>();
    public DbSet<FigureRelease> FigureReleases => Set<FigureRelease>();
    public DbSet<FigureReleaseCell> FigureReleaseCells => Set<FigureReleaseCell>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<TrainingCertificate> TrainingCertificates => Set<TrainingCertificate>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BeaconDbContext).Assembly);
        ColumnEncryption.Apply(builder, Protector);
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
