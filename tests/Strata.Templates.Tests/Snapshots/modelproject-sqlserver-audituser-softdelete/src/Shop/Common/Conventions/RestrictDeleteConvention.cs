using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Shop.Common.Conventions;

/// <summary>
/// EF Core cascades deletes along every required relationship by default, so deleting one row
/// can silently delete many. This convention makes <see cref="DeleteBehavior.Restrict"/> the
/// default: a configuration that wants cascading says so with <c>OnDelete(DeleteBehavior.Cascade)</c>.
/// Owned types and many-to-many join rows keep cascading, since they cannot outlive their owner.
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
                if (foreignKey.IsOwnership)
                {
                    continue;
                }

                // A convention-level call: EF ignores it where a configuration chose OnDelete explicitly.
                foreignKey.Builder.OnDelete(DeleteBehavior.Restrict);
            }
        }
    }
}
