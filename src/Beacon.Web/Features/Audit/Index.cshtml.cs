using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.Exports;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Audit;

/// <summary>
/// <c>/admin/audit</c>: the trail, filtered and paged newest first; its chain checked on request (it
/// reads every entry, so not on every view); the filtered entries as CSV, that export itself audited.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(BeaconDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;
    /// <summary>A bound on one download; narrower filters get the rest.</summary>
    public const int ExportMax = 100_000;

    public sealed record Row(long Sequence, DateTime OccurredUtc, string? User, string? Role, AuditAction Action,
        string RecordType, string? RecordId, AuditOutcome Outcome, string? Detail);

    [BindProperty(SupportsGet = true, Name = "")]
    public AuditFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }
    public IReadOnlyList<(Guid Id, string Label)> Users { get; private set; } = [];
    public AuditVerificationResult? Verification { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditVerification.RunAsync(db, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var labels = await UserLabelsAsync(ct);
        var rows = await Filter.Apply(db.AuditLog.AsNoTracking()).OrderByDescending(e => e.Sequence).Take(ExportMax).ToListAsync(ct);
        // The count only: the filters may hold whatever the administrator typed.
        await audit.WriteAsync(AuditAction.Export, AuditRecordTypes.AuditTrail, null, AuditOutcome.Allowed,
            string.Create(CultureInfo.InvariantCulture, $"csv {rows.Count} rows"), ct);
        // Hashes included, so a copy kept elsewhere can be checked against the live trail later.
        var file = Csv.File(
            ["Sequence", "OccurredUtc", "UserId", "User", "Role", "Action", "RecordType", "RecordId", "Outcome", "Detail", "PreviousHash", "Hash"],
            rows.Select(e => new[]
            {
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.OccurredUtc.ToString("O", CultureInfo.InvariantCulture),
                e.UserId?.ToString(), e.UserId is { } u ? labels.GetValueOrDefault(u) : null, e.Role, e.Action.ToString(),
                e.RecordType, e.RecordId, e.Outcome.ToString(), e.Detail, e.PreviousHash, e.Hash,
            }));
        Response.Headers.CacheControl = "no-store";
        return File(file, "text/csv; charset=utf-8", "audit-trail.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var labels = await UserLabelsAsync(ct);
        Users = labels.OrderBy(l => l.Value, StringComparer.CurrentCulture).Select(l => (l.Key, l.Value)).ToList();
        var page = await Filter.Apply(db.AuditLog.AsNoTracking()).OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Rows = page.Take(PageSize).Select(e => new Row(e.Sequence, e.OccurredUtc, e.UserId is { } u ? labels.GetValueOrDefault(u, u.ToString()) : null,
            e.Role, e.Action, e.RecordType, e.RecordId, e.Outcome, e.Detail)).ToList();
    }

    private Task<Dictionary<Guid, string>> UserLabelsAsync(CancellationToken ct) =>
        db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} <{u.Email}>", ct);
}
