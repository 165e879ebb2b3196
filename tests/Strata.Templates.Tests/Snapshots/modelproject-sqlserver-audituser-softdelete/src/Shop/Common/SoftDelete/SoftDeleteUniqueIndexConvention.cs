using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shop.Common.SoftDelete;

/// <summary>
/// A soft-deleted row stays in its table, so a plain unique index would keep its values taken: a new
/// supplier could never reuse the code of a deleted one. This convention limits every unique index of a
/// soft-deletable entity to the live rows (<c>WHERE "DeletedAt" IS NULL</c>: a filtered index on SQL
/// Server, a partial index on PostgreSQL and SQLite), so two live rows still cannot share a value.
/// An index whose configuration sets its own filter (<c>HasFilter</c>) keeps it.
/// </summary>
public sealed class SoftDeleteUniqueIndexConvention(ISqlGenerationHelper sql) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (!entityType.ClrType.IsAssignableTo(typeof(ISoftDeletable)) || entityType.GetTableName() is not { } table)
            {
                continue;
            }

            // Null where DeletedAt lives in another table (a table-per-type derived type's base table).
            var deletedAt = entityType.FindProperty(nameof(ISoftDeletable.DeletedAt))?.GetColumnName(StoreObjectIdentifier.Table(table, entityType.GetSchema()));
            if (deletedAt is null)
            {
                continue;
            }

            var live = $"{sql.DelimitIdentifier(deletedAt)} IS NULL";
            foreach (var index in entityType.GetDeclaredIndexes().Where(index => index.IsUnique))
            {
                if (index.GetFilterConfigurationSource() is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation)
                {
                    continue;
                }

                // SQL Server filters a unique index on nullable columns to the rows that have values: keep that.
                index.Builder.HasFilter(index.GetFilter() is { } filter ? $"{filter} AND {live}" : live);
            }
        }
    }
}
