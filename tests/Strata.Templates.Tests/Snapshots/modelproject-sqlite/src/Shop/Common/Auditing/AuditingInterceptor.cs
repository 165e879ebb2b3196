using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Common.Auditing;

/// <summary>
/// Stamps <see cref="IAuditable"/> rows just before they are saved: <c>CreatedAt</c> once on
/// insert, <c>UpdatedAt</c> on insert and whenever a column really changes. Time comes from the
/// injected <see cref="TimeProvider"/>, so tests can freeze and move it.
/// </summary>
/// <param name="timeProvider">The clock the timestamps come from.</param>
/// <param name="detectChanges">
/// False only when this interceptor is registered right after one that detected changes (see
/// <see cref="ChangeTrackerExtensions.Entries(ChangeTracker, bool)"/>).
/// </param>
public sealed class AuditingInterceptor(TimeProvider timeProvider, bool detectChanges = true) : SaveChangesInterceptor
{
    // What to look at per entity type, worked out once: this runs for every modified row of every save.
    private static readonly ConcurrentDictionary<IEntityType, AuditedColumns> ColumnsByEntityType = new();

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

        // Changes are detected first (here, or by the interceptor just before), so "really changed" below
        // sees the caller's latest edits.
        foreach (var entry in context.ChangeTracker.Entries(detectChanges))
        {
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity is AuditableEntity added:
                    added.CreatedAt = now;
                    added.UpdatedAt = now;
                    break;

                case EntityState.Modified:
                    var columns = ColumnsByEntityType.GetOrAdd(entry.Metadata, AuditedColumns.Of);
                    KeepCreationValues(entry, columns);
                    if (!HasRealChanges(entry, columns))
                    {
                        break;
                    }

                    if (entry.Entity is BaseEntity versioned)
                    {
                        // SQLite has no rowversion: bump the token ourselves; EF checks the old value in the WHERE clause.
                        versioned.Version++;
                    }

                    if (entry.Entity is AuditableEntity auditable)
                    {
                        auditable.UpdatedAt = now;
                    }

                    break;
            }
        }
    }

    /// <summary>Creation values are written once: an edit to them is discarded, never saved.</summary>
    private static void KeepCreationValues(EntityEntry entry, AuditedColumns columns)
    {
        foreach (var property in columns.Creation)
        {
            var value = entry.Property(property);
            if (value.IsModified)
            {
                value.CurrentValue = value.OriginalValue;
                value.IsModified = false;
            }
        }
    }

    /// <summary>True when a column other than the key, audit and concurrency columns is modified.</summary>
    private static bool HasRealChanges(EntityEntry entry, AuditedColumns columns)
    {
        foreach (var property in columns.Data)
        {
            if (entry.Property(property).IsModified)
            {
                return true;
            }
        }

        return columns.HasComplexProperties && entry.ComplexProperties.Any(complex => complex.IsModified);
    }

    /// <summary>An entity type's data columns (whose change moves UpdatedAt) and its write-once creation columns.</summary>
    private sealed record AuditedColumns(IProperty[] Data, IProperty[] Creation, bool HasComplexProperties)
    {
        private static readonly HashSet<string> AuditColumns =
        [
            nameof(AuditableEntity.CreatedAt),
            nameof(AuditableEntity.UpdatedAt),
        ];

        private static readonly HashSet<string> CreationColumns =
        [
            nameof(AuditableEntity.CreatedAt),
        ];

        public static AuditedColumns Of(IEntityType entityType) => new(
            [.. entityType.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && !AuditColumns.Contains(p.Name))],
            [.. entityType.GetProperties().Where(p => CreationColumns.Contains(p.Name))],
            entityType.GetComplexProperties().Any());
    }
}
