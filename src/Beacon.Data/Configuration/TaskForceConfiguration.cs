using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class TaskForceEventConfiguration : IEntityTypeConfiguration<TaskForceEvent>
{
    public void Configure(EntityTypeBuilder<TaskForceEvent> b)
    {
        b.Property(e => e.JurisdictionId).HasMaxLength(64);
        b.HasOne(e => e.Jurisdiction).WithMany().HasForeignKey(e => e.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.TitleEn).HasMaxLength(TaskForceEvent.TitleMax);
        b.Property(e => e.TitleEs).HasMaxLength(TaskForceEvent.TitleMax);
        b.Property(e => e.DescriptionEn).HasMaxLength(TaskForceEvent.DescriptionMax);
        b.Property(e => e.DescriptionEs).HasMaxLength(TaskForceEvent.DescriptionMax);
        b.Property(e => e.Location).HasMaxLength(TaskForceEvent.LocationMax);
        b.ToTable(t => t.HasCheckConstraint("CK_TaskForceEvents_Capacity", "\"Capacity\" >= 1"));
        // The public page lists a county's upcoming events; the trainer's page all of them by date.
        b.HasIndex(e => new { e.JurisdictionId, e.StartsUtc });
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.HasOne(r => r.Event).WithMany(e => e.Registrations).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Name).HasMaxLength(EventRegistration.NameMax);
        b.Property(r => r.Email).HasMaxLength(EventRegistration.EmailMax);
        b.Property(r => r.Organisation).HasMaxLength(EventRegistration.OrganisationMax);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.CancelTokenHash).HasMaxLength(64);
        b.HasIndex(r => r.CancelTokenHash).IsUnique();
        // One live registration per address and event; a cancelled one does not stop registering again.
        // The filter is plain SQL that SQLite and PostgreSQL both read the same way.
        b.HasIndex(r => new { r.EventId, r.Email }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        // Counting confirmed seats and finding the head of the waitlist.
        b.HasIndex(r => new { r.EventId, r.Status, r.RegisteredUtc });
    }
}
