using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Beacon.Web.Features.Jurisdictions;

/// <summary>The jurisdictions and their contacts, read on every page by the help bar, so cached.</summary>
public sealed class ContactDirectory(IServiceScopeFactory scopes, IMemoryCache cache, IOutputCacheStore pages)
{
    private int _generation;

    /// <summary>
    /// Moves on with every change an administrator saves. The cached list and the cached public pages are keyed by it,
    /// so a load or a page render that began before the change and ends after it is kept under the old number, where
    /// nothing looks any more, instead of putting the old hotline back.
    /// </summary>
    public int Generation => Volatile.Read(ref _generation);

    private string CacheKey => $"beacon:jurisdictions:{Generation}";

    public async Task<IReadOnlyList<Jurisdiction>> AllAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            return (IReadOnlyList<Jurisdiction>)await db.Jurisdictions.AsNoTracking()
                .Include(j => j.Contacts)
                .OrderBy(j => j.NameEn)
                .ToListAsync(ct);
        }) ?? [];

    public async Task<Jurisdiction?> FindAsync(string? id, CancellationToken ct = default) =>
        string.IsNullOrEmpty(id) ? null : (await AllAsync(ct)).FirstOrDefault(j => j.Id == id && !j.IsNational);

    public async Task<IReadOnlyList<Jurisdiction>> CountiesAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Where(j => !j.IsNational).ToList();

    public async Task<IReadOnlyList<Contact>> NationalContactsAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Where(j => j.IsNational).SelectMany(j => j.Contacts).OrderBy(c => c.Kind).ToList();

    /// <summary>Call after an administrator changes a jurisdiction or a contact: the public pages that show them are dropped too.</summary>
    public async Task InvalidateAsync(CancellationToken ct = default)
    {
        var old = CacheKey;
        Interlocked.Increment(ref _generation);
        cache.Remove(old);
        await PublicPageCache.EvictAsync(pages, ct);
    }
}
