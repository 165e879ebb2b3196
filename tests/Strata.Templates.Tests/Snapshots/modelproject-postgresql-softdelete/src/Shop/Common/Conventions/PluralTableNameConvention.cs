using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Shop.Common.Conventions;

/// <summary>
/// Names each table after the English plural of its entity (<c>Person</c> → <c>People</c>,
/// <c>Category</c> → <c>Categories</c>) by <see cref="EnglishPlural"/>, the pluralizer that names the
/// DbSets too. A table name set in an entity configuration (<c>builder.ToTable("Staff")</c>) wins over
/// this convention. In an inheritance hierarchy each table is named after the type it belongs to: one
/// table for a hierarchy mapped table-per-hierarchy (<c>Vehicles</c>), one per type for
/// table-per-type (<c>Animals</c>, <c>Dogs</c>, <c>Cats</c>).
/// </summary>
public sealed class PluralTableNameConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            // Owned types live in their owner's table, and so do derived types mapped table-per-hierarchy
            // (their table is their base type's). Table-per-type and table-per-concrete-type derived
            // types have tables of their own, named like any other.
            if (entityType.IsOwned() || entityType.GetTableName() is not { } table || table == entityType.BaseType?.GetTableName())
            {
                continue;
            }

            // A table named in a configuration or by [Table] wins: no plural to work out.
            if (entityType.GetTableNameConfigurationSource() is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation)
            {
                continue;
            }

            entityType.Builder.ToTable(EnglishPlural.Of(entityType.ShortName()));
        }
    }
}
