using Shop.Common;
using Shop.Common.Errors;
using Shop.Common.SoftDelete;
using Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Soft_deleting_rows_looks_up_each_relationship_once_with_the_keys_as_a_parameter(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var rows = new List<BaseEntity>();
        for (var i = 0; i < 3; i++)
        {
            rows.Add(await database.InsertAsync(entityType));
        }

        var recorder = new CommandRecorder();
        await using var context = database.CreateContext(recorder);
        foreach (var row in rows)
        {
            context.Remove((await context.FindAsync(entityType.ClrType, row.Id))!);
        }

        recorder.Clear();
        await context.SaveChangesAsync();

        // One query per relationship that references the entity, however many rows are deleted, and the
        // same SQL whatever their keys (a literal key would be a new query plan for every row).
        var relationships = entityType.ClrType.IsAssignableTo(typeof(ISoftDeletable))
            ? entityType.GetReferencingForeignKeys().Count(fk => !fk.PrincipalEntityType.IsAssignableFrom(fk.DeclaringEntityType))
            : 0;
        var lookups = recorder.Queries.ToList();
        Assert.Equal(relationships, lookups.Count);
        Assert.All(lookups, lookup => Assert.True(lookup.ParameterCount > 0, $"The keys are written into the SQL: {lookup.Sql}"));
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_restricted_soft_delete_does_not_load_the_children(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        foreach (var foreignKey in entityType.GetForeignKeys().Where(fk => fk.DeleteBehavior == DeleteBehavior.Restrict && fk.DependentToPrincipal is not null))
        {
            var child = await database.InsertAsync(entityType);
            if (foreignKey.DependentToPrincipal!.PropertyInfo!.GetValue(child) is not BaseEntity parent || parent is not ISoftDeletable)
            {
                continue;
            }

            await using var context = database.CreateContext();
            context.Remove((await context.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id))!);

            await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
            Assert.DoesNotContain(context.ChangeTracker.Entries(), entry => entry.Metadata.ClrType == entityType.ClrType);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_refused_soft_delete_changes_nothing_so_saving_again_is_refused_again(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        foreach (var foreignKey in entityType.GetForeignKeys().Where(fk => fk.DeleteBehavior == DeleteBehavior.Restrict && fk.DependentToPrincipal is not null))
        {
            var child = await database.InsertAsync(entityType);
            if (foreignKey.DependentToPrincipal!.PropertyInfo!.GetValue(child) is not BaseEntity parent || parent is not ISoftDeletable)
            {
                continue;
            }

            await using var context = database.CreateContext();
            var tracked = (await context.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id))!;
            context.Remove(tracked);

            await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
            Assert.Equal(EntityState.Deleted, context.Entry(tracked).State);
            Assert.Null(((ISoftDeletable)tracked).DeletedAt);
            await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_deleted_rows_unique_values_can_be_used_again_but_not_by_two_live_rows(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        foreach (var index in entityType.GetIndexes().Where(index => index.IsUnique))
        {
            var deleted = await database.InsertAsync(entityType);
            await using (var context = database.CreateContext())
            {
                context.Remove((await context.FindAsync(entityType.ClrType, deleted.Id))!);
                await context.SaveChangesAsync();
            }

            await using (var context = database.CreateContext())
            {
                AddWithValuesOf(context, entityType, index, deleted);
                await context.SaveChangesAsync();
            }

            await using (var context = database.CreateContext())
            {
                AddWithValuesOf(context, entityType, index, deleted);
                await Assert.ThrowsAsync<UniqueConstraintException>(() => context.SaveChangesAsync());
            }
        }
    }

    /// <summary>Adds a new valid row whose <paramref name="index"/> columns hold the values of <paramref name="source"/>.</summary>
    private static void AddWithValuesOf(ShopDbContext context, IEntityType entityType, IIndex index, BaseEntity source)
    {
        var entry = context.Entry(new TestData(context).Add(entityType));
        foreach (var property in index.Properties)
        {
            entry.Property(property.Name).CurrentValue = property.PropertyInfo!.GetValue(source);
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
