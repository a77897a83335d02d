using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.HasOne(n => n.Case).WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Versions).WithOne(v => v.Note).HasForeignKey(v => v.NoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.CaseId, n.CreatedUtc });
    }
}

internal sealed class CaseNoteVersionConfiguration : IEntityTypeConfiguration<CaseNoteVersion>
{
    public void Configure(EntityTypeBuilder<CaseNoteVersion> b) => b.HasIndex(v => new { v.NoteId, v.Number }).IsUnique();
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> b)
    {
        b.HasOne(t => t.Case).WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        // "My tasks due" and "my team's overdue items".
        b.HasIndex(t => new { t.AssignedUserId, t.DoneUtc, t.DueDate });
        b.HasIndex(t => new { t.CaseId, t.DoneUtc });
    }
}

internal sealed class SafetyPlanConfiguration : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> b)
    {
        b.HasKey(p => p.CaseId);
        b.HasOne(p => p.Case).WithOne().HasForeignKey<SafetyPlan>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseServiceConfiguration : IEntityTypeConfiguration<CaseService>
{
    public void Configure(EntityTypeBuilder<CaseService> b)
    {
        b.HasOne(s => s.Case).WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.ProviderAgency).WithMany().HasForeignKey(s => s.ProviderAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.ToAgency).WithMany().HasForeignKey(r => r.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Basis).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.LegalBasis).HasMaxLength(200);
        // The receiving agency's inbox, and the access check's "accepted referral to my agency".
        b.HasIndex(r => new { r.ToAgencyId, r.Status });
        b.HasIndex(r => new { r.CaseId, r.Status });
    }
}

internal sealed class MdtMeetingConfiguration : IEntityTypeConfiguration<MdtMeeting>
{
    public void Configure(EntityTypeBuilder<MdtMeeting> b)
    {
        b.HasOne(m => m.Case).WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Location).HasMaxLength(200);
        b.HasMany(m => m.Attendance).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.CaseId, m.ScheduledUtc });
    }
}

internal sealed class MdtAttendanceConfiguration : IEntityTypeConfiguration<MdtAttendance>
{
    public void Configure(EntityTypeBuilder<MdtAttendance> b) => b.HasKey(a => new { a.MeetingId, a.UserId });
}
