using System.Linq.Expressions;
using System.Reflection;
using Shop.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Common.SoftDelete;

/// <summary>
/// Turns the deletion of an <see cref="ISoftDeletable"/> row into an update of its <c>DeletedAt</c>,
/// and keeps the delete rules of its relationships, as the database would for a real delete: live
/// children on a Cascade relationship are soft-deleted too, live children on a Restrict relationship
/// refuse the delete (<see cref="ForeignKeyConstraintException"/>), and SetNull clears their key.
/// </summary>
public sealed class SoftDeleteInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    private static readonly MethodInfo ChildrenWhereMethod =
        typeof(SoftDeleteInterceptor).GetMethod(nameof(ChildrenWhere), BindingFlags.NonPublic | BindingFlags.Static)!;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            SoftDeleteAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await SoftDeleteAsync(context, async: true, cancellationToken);
        }

        return result;
    }

    private async Task SoftDeleteAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var pending = new Queue<EntityEntry>(context.ChangeTracker.Entries()
            .Where(entry => entry is { State: EntityState.Deleted, Entity: ISoftDeletable }));

        while (pending.TryDequeue(out var entry))
        {
            entry.State = EntityState.Modified;
            entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue = now;

            foreach (var foreignKey in entry.Metadata.GetReferencingForeignKeys())
            {
                var children = await LiveChildrenAsync(context, foreignKey, entry, async, cancellationToken);
                foreach (var child in children.Select(context.Entry))
                {
                    switch (foreignKey.DeleteBehavior)
                    {
                        case DeleteBehavior.Cascade or DeleteBehavior.ClientCascade when child.Entity is ISoftDeletable:
                            if (child.State != EntityState.Modified || child.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue is null)
                            {
                                child.State = EntityState.Deleted;
                                pending.Enqueue(child);
                            }

                            break;
                        case DeleteBehavior.SetNull or DeleteBehavior.ClientSetNull when foreignKey.Properties.All(p => p.IsNullable):
                            foreach (var property in foreignKey.Properties)
                            {
                                child.Property(property.Name).CurrentValue = null;
                            }

                            break;
                        default:
                            throw Restricted(foreignKey, entry);
                    }
                }
            }
        }
    }

    /// <summary>The live (not soft-deleted) rows that reference <paramref name="principal"/> through <paramref name="foreignKey"/>.</summary>
    private static Task<List<object>> LiveChildrenAsync(
        DbContext context, IForeignKey foreignKey, EntityEntry principal, bool async, CancellationToken cancellationToken)
    {
        // child => EF.Property<TKey>(child, "ParentId") == key, for a child type known only at run time.
        var childType = foreignKey.DeclaringEntityType.ClrType;
        var keyType = foreignKey.Properties[0].ClrType;
        var key = principal.Property(foreignKey.PrincipalKey.Properties[0].Name).CurrentValue;
        var child = Expression.Parameter(childType, "child");
        var predicate = Expression.Lambda(
            typeof(Func<,>).MakeGenericType(childType, typeof(bool)),
            Expression.Equal(
                Expression.Call(typeof(EF), nameof(EF.Property), [keyType], child, Expression.Constant(foreignKey.Properties[0].Name)),
                Expression.Convert(Expression.Constant(key), keyType)),
            child);

        return (Task<List<object>>)ChildrenWhereMethod.MakeGenericMethod(childType).Invoke(null, [context, predicate, async, cancellationToken])!;
    }

    private static async Task<List<object>> ChildrenWhere<TChild>(
        DbContext context, Expression<Func<TChild, bool>> predicate, bool async, CancellationToken cancellationToken)
        where TChild : class
    {
        var query = context.Set<TChild>().Where(predicate);
        return async ? [.. await query.ToListAsync(cancellationToken)] : [.. query];
    }

    private static ForeignKeyConstraintException Restricted(IForeignKey foreignKey, EntityEntry principal) =>
        new(
            new ConstraintViolation(ConstraintKind.ForeignKey, foreignKey.DeclaringEntityType.GetTableName(), foreignKey.GetConstraintName(), foreignKey.Properties[0].GetColumnName()),
            new InvalidOperationException(
                $"{principal.Metadata.ClrType.Name} is still referenced by live {foreignKey.DeclaringEntityType.ClrType.Name} rows, and the relationship restricts deletes."),
            [principal]);
}
