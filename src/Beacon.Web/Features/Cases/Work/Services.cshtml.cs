using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Adds a service (kind, provider agency of the county, status) and changes a service's status.
/// A status change carries the service's last-change time as its stamp, so two people changing the
/// same service do not overwrite each other unseen.
/// </summary>
public sealed class ServicesModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public sealed record Provider(Guid Id, string Name);

    public IReadOnlyList<CaseService> Services { get; private set; } = [];
    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public string? Kind { get; private set; }
    public Guid? ProviderId { get; private set; }
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? kind, Guid? providerId, string? status)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        var (recordId, saved) = await RecordIdAsync(r => db.CaseServices.Where(s => s.Id == r).Select(s => (Guid?)s.CaseId).SingleOrDefaultAsync(Aborted));
        if (saved)
        {
            return AlreadySaved(CaseSections.Services);
        }

        await LoadAsync();
        (Kind, ProviderId, Status) = (kind, providerId, status);
        if (!TryRead<ServiceKind>(kind, out var serviceKind))
        {
            ModelState.AddModelError("kind", C["Services.Error.Kind"]);
        }

        if (providerId is { } chosen && Providers.All(p => p.Id != chosen))
        {
            ModelState.AddModelError("providerId", C["Services.Error.Provider"]);
        }

        if (!TryRead<ServiceStatus>(status, out var serviceStatus))
        {
            ModelState.AddModelError("status", C["Services.Error.Status"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var service = new CaseService { Id = recordId, CaseId = id, Kind = serviceKind, ProviderAgencyId = providerId };
        service.SetStatus(serviceStatus, clock.GetUtcNow().UtcDateTime);
        db.CaseServices.Add(service);
        await db.SaveChangesAsync(Aborted);
        return await DoneAsync(AuditAction.Create, "service", "Services.Notice.Added", CaseSections.Services);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid serviceId, string? status, long stamp)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        var service = await db.CaseServices.SingleOrDefaultAsync(s => s.Id == serviceId && s.CaseId == id, Aborted);
        if (service is null)
        {
            return await RefuseAsync("service-status");
        }

        var field = $"status-{serviceId}";
        if (service.UpdatedUtc.Ticks != stamp)
        {
            ModelState.AddModelError("", C["Error.Changed"]);
        }
        else if (!TryRead<ServiceStatus>(status, out var serviceStatus))
        {
            ModelState.AddModelError(field, C["Services.Error.Status"]);
        }
        else
        {
            service.SetStatus(serviceStatus, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Aborted);
            return await DoneAsync(AuditAction.Change, "service-status", "Services.Notice.Changed", CaseSections.Services);
        }

        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private static bool TryRead<T>(string? value, out T result) where T : struct, Enum =>
        Enum.TryParse(value, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);

    private async Task LoadAsync()
    {
        var county = Case.JurisdictionId;
        Services = await CaseServices.OfAsync(db, Case.Id, Aborted);
        Providers = await db.Agencies.AsNoTracking().Where(a => a.JurisdictionId == county && a.IsActive)
            .OrderBy(a => a.Name).Select(a => new Provider(a.Id, a.Name)).ToListAsync(Aborted);
    }
}
