using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Shop.Common.Conventions;

/// <summary>
/// Gives every auditable table the two indexes behind <see cref="Queries.AuditableQueries"/>, so an entity added later
/// gets them without a line of its own:
/// <list type="bullet">
/// <item><c>(CreatedAt, Id)</c>: <c>CreatedSince</c>, <c>CreatedBetween</c>, <c>NewestFirst</c> and keyset paging
/// (<c>After</c>, <c>Page</c>) seek or walk it instead of reading and sorting the table;</item>
/// <item><c>UpdatedAt</c>: <c>UpdatedSince</c>, <c>UpdatedBetween</c>.</item>
/// </list>
/// No more than that: every index is written on every insert, and the <c>UpdatedAt</c> one on every update too
/// (on PostgreSQL it also rules out HOT updates). A write-heavy project that never asks what changed since a
/// given time can drop <c>UpdatedSince</c>/<c>UpdatedBetween</c> and the second index here together.
/// </summary>
public sealed class AuditIndexConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            // The root of a hierarchy holds the audit columns (table per hierarchy or per type): index them there, once.
            if (entityType.BaseType is not null || entityType.IsOwned() || !entityType.ClrType.IsAssignableTo(typeof(AuditableEntity)))
            {
                continue;
            }

            entityType.Builder.HasIndex([nameof(AuditableEntity.CreatedAt), nameof(BaseEntity.Id)]);
            entityType.Builder.HasIndex([nameof(AuditableEntity.UpdatedAt)]);
        }
    }
}
