using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Data.Seeding;

/// <summary>
/// Loads the shipped jurisdictions and contacts. It adds what is missing and leaves alone what an
/// administrator has since edited, so a restart never undoes a county's own changes.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task<int> SeedAsync(BeaconDbContext db, IReadOnlyList<JurisdictionData> data, CancellationToken ct = default)
    {
        var added = 0;
        var jurisdictionIds = await db.Jurisdictions.Select(j => j.Id).ToListAsync(ct);
        var contactIds = await db.Contacts.Select(c => c.Id).ToListAsync(ct);
        foreach (var j in data)
        {
            if (!jurisdictionIds.Contains(j.Id))
            {
                db.Jurisdictions.Add(new Jurisdiction
                {
                    Id = j.Id, NameEn = j.Name.En, NameEs = j.Name.Es, State = j.State, IsNational = j.IsNational,
                });
                added++;
            }

            foreach (var c in j.Contacts.Where(c => !contactIds.Contains(c.Id)))
            {
                db.Contacts.Add(ToEntity(j.Id, c));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private static Contact ToEntity(string jurisdictionId, ContactData c) => new()
    {
        Id = c.Id,
        JurisdictionId = jurisdictionId,
        Kind = c.Kind,
        NameEn = c.Name.En,
        NameEs = c.Name.Es,
        HoursEn = c.Hours?.En,
        HoursEs = c.Hours?.Es,
        Phone = c.Phone,
        PhoneDisplay = c.PhoneDisplay ?? c.Phone,
        AltPhone = c.AltPhone,
        AltPhoneDisplay = c.AltPhoneDisplay ?? c.AltPhone,
        SmsNumber = c.SmsNumber,
        SmsKeyword = c.SmsKeyword,
        SmsDisplay = c.SmsDisplay ?? c.SmsNumber,
        Url = c.Url,
        SourceTitle = c.Source.Title,
        SourceUrl = c.Source.Url,
        SourceSeed = c.Source.Seed,
    };
}
