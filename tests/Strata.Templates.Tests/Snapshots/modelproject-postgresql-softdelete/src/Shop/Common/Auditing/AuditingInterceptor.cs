using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Common.Auditing;

/// <summary>
/// Stamps <see cref="IAuditable"/> rows just before they are saved: <c>CreatedAt</c> once on
/// insert, <c>UpdatedAt</c> on insert and whenever a column really changes; <see cref="IHasCreatedAt"/>
/// rows (many-to-many links) get <c>CreatedAt</c> on insert. Time comes from the injected
/// <see cref="TimeProvider"/>, so tests can freeze and move it.
/// </summary>
/// <param name="timeProvider">The clock the timestamps come from.</param>
/// <param name="detectChanges">
/// False only when this interceptor is registered right after one that detected changes (see
/// <see cref="ChangeTrackerExtensions.Entries(ChangeTracker, bool)"/>).
/// </param>
public sealed class AuditingInterceptor(TimeProvider timeProvider, bool detectChanges = true) : SaveChangesInterceptor
{
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
        object boxedNow = now;

        // Changes are detected first (here, or by the interceptor just before), so "really changed" below
        // sees the caller's latest edits.
        foreach (var entry in context.ChangeTracker.Entries(detectChanges))
        {
            switch (entry.State)
            {
                // An insert writes every column as the object holds it, so plain assignments are enough here.
                case EntityState.Added when entry.Entity is AuditableEntity added:
                    added.CreatedAt = now;
                    added.UpdatedAt = now;
                    break;

                // A link row EF Core creates itself for a many-to-many; its setter is private, so through the change tracker.
                case EntityState.Added when entry.Entity is IHasCreatedAt:
                    entry.Property(AuditedColumns.Of(entry.Metadata).CreatedAt!).CurrentValue = boxedNow;
                    break;

                case EntityState.Modified:
                    var columns = AuditedColumns.Of(entry.Metadata);
                    KeepCreationValues(entry, columns);
                    if (!HasRealChanges(entry, columns))
                    {
                        break;
                    }

                    // Through the change tracker, not the entity's setters: an update writes only the columns marked
                    // modified, and with AutoDetectChangesEnabled off nothing would mark a value assigned on the object.
                    if (columns.UpdatedAt is { } updatedAt)
                    {
                        entry.Property(updatedAt).CurrentValue = boxedNow;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Creation values are written once: an edit to them is discarded, never saved. After <c>Update(detached)</c>
    /// the object keeps the CreatedAt it came with, as EF Core reads back only store-generated columns: re-reading it
    /// here would cost a query per row. Callers that need it reload the entity, or better, load the row and apply
    /// their changes to it (<c>entry.CurrentValues.SetValues(...)</c>).
    /// </summary>
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

    /// <summary>
    /// An entity type's data columns (whose change moves UpdatedAt), its write-once creation columns, and the
    /// columns this interceptor sets. Worked out once per entity type and kept on the model (a runtime annotation),
    /// so it lives exactly as long as the model does.
    /// </summary>
    private sealed record AuditedColumns(
        IProperty[] Data, IProperty[] Creation, bool HasComplexProperties, IProperty? CreatedAt, IProperty? UpdatedAt, IProperty? Version)
    {
        private const string AnnotationName = "Strata:AuditedColumns";

        private static readonly HashSet<string> AuditColumns =
        [
            nameof(AuditableEntity.CreatedAt),
            nameof(AuditableEntity.UpdatedAt),
        ];

        private static readonly HashSet<string> CreationColumns =
        [
            nameof(AuditableEntity.CreatedAt),
        ];

        public static AuditedColumns Of(IEntityType entityType) =>
            entityType.GetOrAddRuntimeAnnotationValue(AnnotationName, static type => Create(type!), entityType);

        private static AuditedColumns Create(IEntityType entityType)
        {
            var auditable = entityType.ClrType.IsAssignableTo(typeof(AuditableEntity));
            var hasCreatedAt = auditable || entityType.ClrType.IsAssignableTo(typeof(IHasCreatedAt));
            return new(
                [.. entityType.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && !AuditColumns.Contains(p.Name))],
                hasCreatedAt ? [.. entityType.GetProperties().Where(p => CreationColumns.Contains(p.Name))] : [],
                entityType.GetComplexProperties().Any(),
                hasCreatedAt ? entityType.FindProperty(nameof(IHasCreatedAt.CreatedAt)) : null,
                auditable ? entityType.FindProperty(nameof(AuditableEntity.UpdatedAt)) : null,
                entityType.ClrType.IsAssignableTo(typeof(BaseEntity)) ? entityType.FindProperty(nameof(BaseEntity.Version)) : null);
        }
    }
}
