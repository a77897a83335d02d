using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class IntakeItemConfiguration : IEntityTypeConfiguration<IntakeItem>
{
    public void Configure(EntityTypeBuilder<IntakeItem> b)
    {
        b.Property(i => i.JurisdictionId).HasMaxLength(64);
        b.HasOne(i => i.Jurisdiction).WithMany().HasForeignKey(i => i.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.CloseReason).HasConversion<string>().HasMaxLength(32);
        b.HasOne(i => i.Tip).WithMany().HasForeignKey(i => i.TipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Screen).WithMany().HasForeignKey(i => i.ScreenId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.AssignedUser).WithMany().HasForeignKey(i => i.AssignedUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Youth).WithMany().HasForeignKey(i => i.YouthId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Case).WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Stamp).IsConcurrencyToken();
        // One item per tip and per screen: a second one would be the same work twice.
        b.HasIndex(i => i.TipId).IsUnique();
        b.HasIndex(i => i.ScreenId).IsUnique();
        // The queue: a county's items by status, oldest first; and the flag of untouched open items.
        b.HasIndex(i => new { i.JurisdictionId, i.Status, i.ReceivedUtc });
        b.HasIndex(i => new { i.JurisdictionId, i.Status, i.LastActionUtc });
        b.HasIndex(i => i.CaseId);
    }
}

internal sealed class MandatedReportConfiguration : IEntityTypeConfiguration<MandatedReport>
{
    public void Configure(EntityTypeBuilder<MandatedReport> b)
    {
        b.Property(r => r.JurisdictionId).HasMaxLength(64);
        b.HasOne(r => r.Jurisdiction).WithMany().HasForeignKey(r => r.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.LawId).HasMaxLength(8);
        b.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Screen).WithMany().HasForeignKey(r => r.ScreenId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.CalledContactId).HasMaxLength(64);
        b.Property(r => r.CalledAgency).HasMaxLength(MandatedReport.AgencyNameMax);
        b.Property(r => r.SentMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Stamp).IsConcurrencyToken();
        // "My reports", and the supervisors' list of their agency's open clocks by due time.
        b.HasIndex(r => new { r.ReporterUserId, r.SentUtc, r.WrittenDueUtc });
        b.HasIndex(r => new { r.AgencyId, r.SentUtc, r.WrittenDueUtc });
        b.HasIndex(r => r.ScreenId);
        b.HasIndex(r => r.CaseId);
    }
}
