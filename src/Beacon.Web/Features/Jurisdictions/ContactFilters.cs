using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Jurisdictions;

/// <summary>The one way pages pick contacts of a kind (a county's hotlines, the national lines).</summary>
public static class ContactFilters
{
    public static IEnumerable<Contact> OfKind(this IEnumerable<Contact> contacts, ContactKind kind) =>
        contacts.Where(c => c.Kind == kind);

    /// <summary>A county's contacts of a kind; none when no county is chosen.</summary>
    public static IEnumerable<Contact> ContactsOf(this Jurisdiction? county, ContactKind kind) =>
        county?.Contacts.OfKind(kind) ?? [];

    public static Contact? FirstOfKind(this IEnumerable<Contact> contacts, ContactKind kind) =>
        contacts.OfKind(kind).FirstOrDefault();
}
