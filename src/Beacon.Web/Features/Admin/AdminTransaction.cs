using System.Data;
using System.Data.Common;
using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin;

public enum SaveOutcome
{
    Saved,
    /// <summary>The work declined (a guard or a validation failed); nothing was kept.</summary>
    Refused,
    /// <summary>The database refused it: a unique index, or another administrator's change at the same moment.</summary>
    Conflict,
}

/// <summary>
/// Runs a change that touches several rows all-or-nothing. Serializable, so that two administrators
/// demoting or disabling each other at the same moment cannot both pass the last-administrator check.
/// </summary>
public static class AdminTransaction
{
    public static async Task<SaveOutcome> RunAsync(BeaconDbContext db, Func<Task<bool>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        try
        {
            if (await work())
            {
                await tx.CommitAsync(ct);
                return SaveOutcome.Saved;
            }

            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return SaveOutcome.Refused;
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            // Disposing the uncommitted transaction rolls it back.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }
}
