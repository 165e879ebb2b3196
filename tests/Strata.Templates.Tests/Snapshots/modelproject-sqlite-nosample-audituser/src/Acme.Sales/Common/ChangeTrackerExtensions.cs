using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Acme.Sales.Common;

/// <summary>Change-tracker helpers for the model's SaveChanges interceptors.</summary>
public static class ChangeTrackerExtensions
{
    /// <summary>
    /// The tracked entries, like <see cref="ChangeTracker.Entries()"/>, but without its DetectChanges pass
    /// when <paramref name="detectChanges"/> is false. That pass compares every property of every tracked
    /// entity with its snapshot; an interceptor that runs right after another one made it would only repeat
    /// it (and the allocations it makes per entity) and find nothing new.
    /// </summary>
    public static IEnumerable<EntityEntry> Entries(this ChangeTracker changeTracker, bool detectChanges)
    {
        if (detectChanges || !changeTracker.AutoDetectChangesEnabled)
        {
            return changeTracker.Entries();
        }

        // Entries() detects changes when it is called, not when it is enumerated, so switching detection off
        // for the call is enough; it is back on before the caller (or SaveChanges) goes on.
        changeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return changeTracker.Entries();
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = true;
        }
    }
}
