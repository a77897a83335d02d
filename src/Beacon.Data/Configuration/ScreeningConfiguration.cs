using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class SavedScreenConfiguration : IEntityTypeConfiguration<SavedScreen>
{
    public void Configure(EntityTypeBuilder<SavedScreen> b)
    {
        b.Property(s => s.JurisdictionId).HasMaxLength(64);
        b.HasOne(s => s.Jurisdiction).WithMany().HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Tip).WithMany().HasForeignKey(s => s.TipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Case).WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.InstrumentId).HasMaxLength(SavedScreen.InstrumentIdMax);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.SubjectIndex).HasMaxLength(64);
        b.Property(s => s.Stamp).IsConcurrencyToken();
        b.Property(s => s.DismissedSuggestionsJson).HasMaxLength(SavedScreen.DismissedSuggestionsMax);
        b.Property(s => s.AgeBand).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Gender).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.PlatformsJson).HasMaxLength(SavedScreen.PlatformsMax);
        // History: a county's screens of one tip or one youth reference, oldest first.
        b.HasIndex(s => new { s.JurisdictionId, s.TipId, s.CreatedUtc });
        b.HasIndex(s => new { s.JurisdictionId, s.SubjectIndex, s.CreatedUtc });
        // The task-force figures (ADR-011): a month's completed screens by county, agency, level, age band and gender,
        // answered from the index alone.
        b.HasIndex(s => new { s.CompletedUtc, s.JurisdictionId, s.AgencyId, s.Level, s.AgeBand, s.Gender });
        // "My screens".
        b.HasIndex(s => new { s.AuthorId, s.UpdatedUtc });
    }
}

internal sealed class InstrumentRecordConfiguration : IEntityTypeConfiguration<InstrumentRecord>
{
    public void Configure(EntityTypeBuilder<InstrumentRecord> b)
    {
        b.HasKey(r => new { r.InstrumentId, r.Version });
        b.Property(r => r.InstrumentId).HasMaxLength(SavedScreen.InstrumentIdMax);
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
    }
}
