using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class ScreenItemFactConfiguration : IEntityTypeConfiguration<ScreenItemFact>
{
    public void Configure(EntityTypeBuilder<ScreenItemFact> b)
    {
        b.Property(f => f.JurisdictionId).HasMaxLength(64);
        b.Property(f => f.ItemId).HasMaxLength(ScreenItemFact.ItemIdMax);
        b.Property(f => f.Rating).HasConversion<string>().HasMaxLength(16);
        // The screen's facts go with it; the figures never follow this key back to the screen.
        b.HasOne<SavedScreen>().WithMany().HasForeignKey(f => f.ScreenId).OnDelete(DeleteBehavior.Cascade);
        // The figures' GROUP BY: a quarter's months, then county, agency and item.
        b.HasIndex(f => new { f.Month, f.JurisdictionId, f.AgencyId, f.ItemId });
    }
}

internal sealed class FigureReleaseConfiguration : IEntityTypeConfiguration<FigureRelease>
{
    public void Configure(EntityTypeBuilder<FigureRelease> b)
    {
        b.HasIndex(r => new { r.Quarter, r.ThroughMonth }).IsUnique();
        b.HasMany(r => r.Cells).WithOne().HasForeignKey(c => c.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FigureReleaseCellConfiguration : IEntityTypeConfiguration<FigureReleaseCell>
{
    public void Configure(EntityTypeBuilder<FigureReleaseCell> b)
    {
        b.HasKey(c => new { c.ReleaseId, c.Key });
        b.Property(c => c.Key).HasMaxLength(FigureReleaseCell.KeyMax);
        b.Property(c => c.Disclosure).HasConversion<byte>();
    }
}
