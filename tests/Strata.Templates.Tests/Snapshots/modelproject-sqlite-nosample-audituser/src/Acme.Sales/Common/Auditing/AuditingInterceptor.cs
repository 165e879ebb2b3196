using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Acme.Sales.Common.Auditing;

/// <summary>
/// Stamps <see cref="IAuditable"/> rows just before they are saved: <c>CreatedAt</c> once on
/// insert, <c>UpdatedAt</c> on insert and whenever a column really changes. Time comes from the
/// injected <see cref="TimeProvider"/>, so tests can freeze and move it.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider timeProvider, ICurrentUser currentUser) : SaveChangesInterceptor
{
    private static readonly string[] CreationProperties =
    [
        nameof(AuditableEntity.CreatedAt),
        nameof(AuditableEntity.CreatedBy),
    ];

    private static readonly HashSet<string> AuditProperties =
    [
        nameof(AuditableEntity.CreatedAt),
        nameof(AuditableEntity.UpdatedAt),
        nameof(AuditableEntity.CreatedBy),
        nameof(AuditableEntity.UpdatedBy),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var userId = currentUser.UserId;

        // Entries() runs DetectChanges first, so "really changed" below sees the caller's latest edits.
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry is { State: EntityState.Modified, Entity: BaseEntity versioned } && HasRealChanges(entry))
            {
                // SQLite has no rowversion: bump the token ourselves; EF checks the old value in the WHERE clause.
                versioned.Version++;
            }

            if (entry.Entity is not AuditableEntity auditable)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    auditable.CreatedAt = now;
                    auditable.UpdatedAt = now;
                    auditable.CreatedBy = userId;
                    auditable.UpdatedBy = userId;
                    break;

                case EntityState.Modified:
                    KeepCreationValues(entry);
                    if (HasRealChanges(entry))
                    {
                        auditable.UpdatedAt = now;
                        auditable.UpdatedBy = userId;
                    }

                    break;
            }
        }
    }

    /// <summary>Creation values are written once: an edit to them is discarded, never saved.</summary>
    private static void KeepCreationValues(EntityEntry entry)
    {
        foreach (var name in CreationProperties)
        {
            var property = entry.Property(name);
            if (property.IsModified)
            {
                property.CurrentValue = property.OriginalValue;
                property.IsModified = false;
            }
        }
    }

    /// <summary>True when a column other than the audit and concurrency columns is modified.</summary>
    private static bool HasRealChanges(EntityEntry entry) =>
        entry.Properties.Any(p => p.IsModified && !p.Metadata.IsConcurrencyToken && !AuditProperties.Contains(p.Metadata.Name))
        || entry.ComplexProperties.Any(c => c.IsModified);
}
