using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Contoso.Shop.Common.Conventions;

/// <summary>
/// Names each table after the English plural of its entity (<c>Person</c> → <c>People</c>,
/// <c>Category</c> → <c>Categories</c>) by <see cref="EnglishPlural"/>, the pluralizer that names the
/// DbSets too. A table name set in an entity configuration (<c>builder.ToTable("Staff")</c>) wins over
/// this convention.
/// </summary>
public sealed class PluralTableNameConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            // Derived types share their root's table and owned types live in their owner's table.
            if (entityType.BaseType is not null || entityType.IsOwned() || entityType.GetTableName() is null)
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
