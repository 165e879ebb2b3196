using Shop.Common;
using Shop.Common.Errors;
using Shop.Common.SoftDelete;
using Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Shop.Tests.Persistence;

/// <summary>Deleting a soft-deletable row marks it deleted: it disappears from queries but stays in its table.</summary>
public sealed class SoftDeleteTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Deleting_a_row_hides_it_from_queries_and_stamps_DeletedAt(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var row = await database.InsertAsync(ModelCatalog.Entity(entityName));
        if (row is not ISoftDeletable)
        {
            return;
        }

        int rowsBefore;
        await using (var context = database.CreateContext())
        {
            rowsBefore = await context.CountRowsAsync(entityType);
            context.Remove((await context.FindAsync(entityType.ClrType, row.Id))!);
            await context.SaveChangesAsync();
        }

        await using var verify = database.CreateContext();
        Assert.Null(await verify.FindAsync(entityType.ClrType, row.Id));
        Assert.Equal(rowsBefore, await verify.CountRowsAsync(entityType));
        var deleted = await IncludingDeleted(verify, entityType.ClrType).SingleAsync(entity => entity.Id == row.Id);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, ((ISoftDeletable)deleted).DeletedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Soft_deleting_a_parent_keeps_the_relationship_delete_rule(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        foreach (var foreignKey in entityType.GetForeignKeys().Where(fk => fk.IsRequired && fk.DependentToPrincipal is not null))
        {
            var child = await database.InsertAsync(ModelCatalog.Entity(entityName));
            var parent = (BaseEntity)foreignKey.DependentToPrincipal!.PropertyInfo!.GetValue(child)!;
            if (parent is not ISoftDeletable)
            {
                continue;
            }

            await using var context = database.CreateContext();
            context.Remove((await context.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id))!);

            if (foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
            {
                await context.SaveChangesAsync();
                await using var verify = database.CreateContext();
                var deletedChild = await IncludingDeleted(verify, entityType.ClrType).SingleAsync(entity => entity.Id == child.Id);
                Assert.NotNull(((ISoftDeletable)deletedChild).DeletedAt);
            }
            else if (foreignKey.DeleteBehavior == DeleteBehavior.Restrict)
            {
                await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
                await using var verify = database.CreateContext();
                Assert.NotNull(await verify.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id));
            }
        }
    }

    /// <summary><c>context.Set&lt;T&gt;().IncludeDeleted()</c> for an entity type known only at run time.</summary>
    private static IQueryable<BaseEntity> IncludingDeleted(DbContext context, Type entityType) =>
        (IQueryable<BaseEntity>)typeof(SoftDeleteTests)
            .GetMethod(nameof(IncludingDeletedOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType)
            .Invoke(null, [context])!;

    private static IQueryable<TEntity> IncludingDeletedOf<TEntity>(DbContext context)
        where TEntity : BaseEntity, ISoftDeletable =>
        context.Set<TEntity>().IncludeDeleted();
}
