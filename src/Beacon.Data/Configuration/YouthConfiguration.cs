using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class YouthConfiguration : IEntityTypeConfiguration<Youth>
{
    public void Configure(EntityTypeBuilder<Youth> b)
    {
        b.Property(y => y.JurisdictionId).HasMaxLength(64);
        b.HasOne(y => y.Jurisdiction).WithMany().HasForeignKey(y => y.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(y => y.Language).HasMaxLength(Youth.ShortMax);
        b.Property(y => y.IdentityIndex).HasMaxLength(64);
        b.Property(y => y.Stamp).IsConcurrencyToken();
        // The duplicate check: same county, same HMAC of name and date of birth.
        b.HasIndex(y => new { y.JurisdictionId, y.IdentityIndex });
        b.HasMany(y => y.Guardians).WithOne(g => g.Youth).HasForeignKey(g => g.YouthId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Role).HasMaxLength(AuditLogEntry.RoleMax);
        b.Property(e => e.RecordType).HasMaxLength(AuditLogEntry.RecordTypeMax);
        b.Property(e => e.RecordId).HasMaxLength(AuditLogEntry.RecordIdMax);
        b.Property(e => e.Detail).HasMaxLength(AuditLogEntry.DetailMax);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        // The administrators' filters: by time, by user, by record.
        b.HasIndex(e => e.OccurredUtc);
        b.HasIndex(e => new { e.UserId, e.OccurredUtc });
        b.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
        // Updated by every append; a second writer with a stale sequence fails and retries.
        b.Property(h => h.Sequence).IsConcurrencyToken();
    }
}
