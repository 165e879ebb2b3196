using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Acme.Sales.Common.Conventions;

/// <summary>
/// EF Core cascades deletes along every required relationship by default, so deleting one row
/// can silently delete many. This convention makes <see cref="DeleteBehavior.Restrict"/> the
/// default: a configuration that wants cascading says so with <c>OnDelete(DeleteBehavior.Cascade)</c>.
/// Owned types and many-to-many join rows keep cascading, since they cannot outlive their owner, and
/// so does the key that links a table-per-type derived table to its base table (one row split over
/// two tables, not a reference).
/// </summary>
public sealed class RestrictDeleteConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.IsOwned() || entityType.HasSharedClrType)
            {
                continue;
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                if (foreignKey.IsOwnership || LinksDerivedTableToBaseTable(foreignKey))
                {
                    continue;
                }

                // A convention-level call: EF ignores it where a configuration chose OnDelete explicitly.
                foreignKey.Builder.OnDelete(DeleteBehavior.Restrict);
            }
        }
    }

    /// <summary>
    /// The foreign key EF Core adds from a derived type's primary key to its base type's primary key
    /// when the hierarchy is mapped table-per-type: <c>Dogs.Id</c> → <c>Animals.Id</c>.
    /// </summary>
    private static bool LinksDerivedTableToBaseTable(IConventionForeignKey foreignKey) =>
        foreignKey.PrincipalEntityType.IsAssignableFrom(foreignKey.DeclaringEntityType)
        && foreignKey.PrincipalKey.IsPrimaryKey()
        && foreignKey.DeclaringEntityType.FindPrimaryKey() is { } primaryKey
        && foreignKey.Properties.SequenceEqual(primaryKey.Properties);
}
