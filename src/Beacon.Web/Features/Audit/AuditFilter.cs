using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Audit;

/// <summary>The administrators' filters on the trail. Dates are whole UTC days, both ends included.</summary>
public sealed class AuditFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? User { get; set; }
    public AuditAction? Action { get; set; }
    public string? Type { get; set; }
    public string? Record { get; set; }
    public AuditOutcome? Outcome { get; set; }

    public IQueryable<AuditLogEntry> Apply(IQueryable<AuditLogEntry> q)
    {
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.OccurredUtc >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.OccurredUtc < end);
        }

        if (User is { } user)
        {
            q = q.Where(e => e.UserId == user);
        }

        if (Action is { } action)
        {
            q = q.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(Type))
        {
            var type = Type.Trim();
            q = q.Where(e => e.RecordType == type);
        }

        if (!string.IsNullOrWhiteSpace(Record))
        {
            var record = Record.Trim();
            q = q.Where(e => e.RecordId == record);
        }

        return Outcome is { } outcome ? q.Where(e => e.Outcome == outcome) : q;
    }

    /// <summary>The filters as a query string (with a leading "?"), for pager, export and verify links.</summary>
    public string Query(params (string Key, string? Value)[] extra)
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("user", User?.ToString()), ("action", Action?.ToString()), ("type", Type), ("record", Record),
            ("outcome", Outcome?.ToString()),
        }.Concat(extra).Where(p => !string.IsNullOrWhiteSpace(p.Value));
        return "?" + string.Join('&', pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
