using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> b)
    {
        b.Property(j => j.Id).HasMaxLength(64);
        b.Property(j => j.NameEn).HasMaxLength(200);
        b.Property(j => j.NameEs).HasMaxLength(200);
        b.Property(j => j.State).HasMaxLength(8);
        b.Property(j => j.TriageRoles).HasDefaultValue(TriageRoles.Caseworker | TriageRoles.Supervisor);
        b.Property(j => j.TrainingRenewalMonths).HasDefaultValue(12);
        b.ToTable(t => t.HasCheckConstraint("CK_Jurisdictions_TrainingRenewalMonths", "\"TrainingRenewalMonths\" BETWEEN 1 AND 60"));
        b.HasMany(j => j.Contacts).WithOne(c => c.Jurisdiction).HasForeignKey(c => c.JurisdictionId);
        b.HasMany(j => j.Agencies).WithOne(a => a.Jurisdiction).HasForeignKey(a => a.JurisdictionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Id).HasMaxLength(64);
        b.Property(c => c.JurisdictionId).HasMaxLength(64);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        foreach (var p in new[] { nameof(Contact.NameEn), nameof(Contact.NameEs), nameof(Contact.SourceTitle) })
        {
            b.Property(p).HasMaxLength(300);
        }

        foreach (var p in new[] { nameof(Contact.HoursEn), nameof(Contact.HoursEs), nameof(Contact.Phone),
                     nameof(Contact.PhoneDisplay), nameof(Contact.AltPhone), nameof(Contact.AltPhoneDisplay),
                     nameof(Contact.SmsNumber), nameof(Contact.SmsKeyword), nameof(Contact.SmsDisplay),
                     nameof(Contact.SourceSeed) })
        {
            b.Property(p).HasMaxLength(64);
        }

        b.Property(c => c.Url).HasMaxLength(500);
        b.Property(c => c.SourceUrl).HasMaxLength(500);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.JurisdictionId).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Role).HasMaxLength(200);
        b.Property(a => a.PublicContact).HasMaxLength(300);
        b.HasIndex(a => new { a.JurisdictionId, a.Name }).IsUnique();
    }
}

internal sealed class BeaconUserConfiguration : IEntityTypeConfiguration<BeaconUser>
{
    public void Configure(EntityTypeBuilder<BeaconUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.WorkAddress).HasMaxLength(BeaconUser.WorkFieldMax);
        b.Property(u => u.WorkPhone).HasMaxLength(40);
        b.Property(u => u.ReporterCapacity).HasMaxLength(BeaconUser.WorkFieldMax);
        b.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.Property(t => t.JurisdictionId).HasMaxLength(64);
        b.HasOne(t => t.Jurisdiction).WithMany().HasForeignKey(t => t.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Language).HasMaxLength(8);
        b.HasIndex(t => new { t.JurisdictionId, t.ReceivedUtc });
    }
}
