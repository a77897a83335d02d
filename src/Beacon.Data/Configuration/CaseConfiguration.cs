using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasOne(c => c.Youth).WithMany().HasForeignKey(c => c.YouthId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.JurisdictionId).HasMaxLength(64);
        b.HasOne(c => c.Jurisdiction).WithMany().HasForeignKey(c => c.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.AssignedUser).WithMany().HasForeignKey(c => c.AssignedUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Stamp).IsConcurrencyToken();
        b.HasMany(c => c.StatusChanges).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Members).WithOne(m => m.Case).HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Queues: my cases, my agency's cases by status; the retention job: closed cases by date.
        b.HasIndex(c => new { c.AssignedUserId, c.Status });
        b.HasIndex(c => new { c.AgencyId, c.Status });
        b.HasIndex(c => new { c.JurisdictionId, c.Status, c.ClosedUtc });
        b.HasIndex(c => c.YouthId);
    }
}

internal sealed class CaseStatusChangeConfiguration : IEntityTypeConfiguration<CaseStatusChange>
{
    public void Configure(EntityTypeBuilder<CaseStatusChange> b)
    {
        b.Property(s => s.From).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.To).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(s => new { s.CaseId, s.AtUtc });
    }
}

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> b)
    {
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => new { m.CaseId, m.UserId, m.Kind }).IsUnique();
        // "Cases I am on": the access check's relationship lookup.
        b.HasIndex(m => new { m.UserId, m.AccessEndsUtc });
    }
}

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.HasOne(g => g.Case).WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.UserId, g.CaseId, g.EndsUtc });
    }
}
