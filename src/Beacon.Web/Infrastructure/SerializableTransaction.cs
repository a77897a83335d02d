using System.Data;
using System.Data.Common;
using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure;

public enum SaveOutcome
{
    Saved,
    /// <summary>The work declined (a guard or a validation failed); nothing was kept.</summary>
    Refused,
    /// <summary>The database refused it: a unique index, or another administrator's change at the same moment.</summary>
    Conflict,
}

/// <summary>
/// Runs a change that touches several rows all-or-nothing. Serializable, so that, for example, two administrators
/// demoting or disabling each other at the same moment cannot both pass the last-administrator check.
/// </summary>
public static class SerializableTransaction
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
        catch (Exception ex) when (IsDatabaseRefusal(ex))
        {
            // Disposing the uncommitted transaction rolls it back.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }

    // Npgsql's execution strategy hands a serialization failure (40001) back wrapped in an
    // InvalidOperationException ("likely due to a transient failure"); it is a conflict all the same.
    private static bool IsDatabaseRefusal(Exception ex) =>
        ex is DbUpdateException or DbException || ex is InvalidOperationException { InnerException: DbUpdateException or DbException };
}
