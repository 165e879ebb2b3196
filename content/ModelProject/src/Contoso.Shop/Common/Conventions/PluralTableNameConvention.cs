#if (SnakeCaseNaming)
using System.Globalization;
using EFCore.NamingConventions.Internal;
#endif
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Contoso.Shop.Common.Conventions;

/// <summary>
/// Names each table after the English plural of its entity (<c>Person</c> → <c>People</c>,
/// <c>Category</c> → <c>Categories</c>) by <see cref="EnglishPlural"/>, the pluralizer that names the
/// DbSets too. A table name set in an entity configuration (<c>builder.ToTable("Staff")</c>) wins over
/// this convention. In an inheritance hierarchy each table is named after the type it belongs to: one
/// table for a hierarchy mapped table-per-hierarchy (<c>Vehicles</c>), one per type for
/// table-per-type (<c>Animals</c>, <c>Dogs</c>, <c>Cats</c>).
#if (SnakeCaseNaming)
/// The plural is then written in snake_case (<c>OrderLines</c> → <c>order_lines</c>), like the columns.
#endif
/// </summary>
public sealed class PluralTableNameConvention : IModelFinalizingConvention
{
#if (SnakeCaseNaming)
    // The rewriter EFCore.NamingConventions names the columns with, so a table and its columns split words alike.
    // It is public but in the package's Internal namespace: check it still exists when you update the package.
    private static readonly SnakeCaseNameRewriter SnakeCase = new(CultureInfo.InvariantCulture);

    /// <summary>The table for a plural: <c>OrderLines</c> → <c>order_lines</c>.</summary>
    public static string TableName(string plural) => SnakeCase.RewriteName(plural);

#endif
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
#if (SnakeCaseNaming)
        // EFCore.NamingConventions writes the (snake_case) table name on a derived type mapped table-per-hierarchy
        // too. Such a type lives in its base type's table: drop the name so it follows the base type's plural.
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(type => type.BaseType is { } baseType && type.GetTableName() == baseType.GetTableName()))
        {
            entityType.Builder.HasNoAnnotation(RelationalAnnotationNames.TableName);
        }

#endif
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

#if (SnakeCaseNaming)
            entityType.Builder.ToTable(TableName(EnglishPlural.Of(entityType.ShortName())));
#else
            entityType.Builder.ToTable(EnglishPlural.Of(entityType.ShortName()));
#endif
        }
    }
}
