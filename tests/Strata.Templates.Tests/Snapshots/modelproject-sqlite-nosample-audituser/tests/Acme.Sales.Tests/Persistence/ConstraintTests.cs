using System.Data.Common;
using System.Globalization;
using Acme.Sales.Common;
using Acme.Sales.Common.Errors;
using Acme.Sales.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Acme.Sales.Tests.Persistence;

/// <summary>
/// The database itself refuses bad data, whether it comes through the model or around it, and a
/// refusal surfaces as one of our exception types with nothing written.
/// </summary>
public sealed class ConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_duplicate_value_in_a_unique_index_is_refused(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var indexes = UniqueIndexes(entityType).ToList();
        Skip.If(indexes.Count == 0, $"{entityName} has no unique index: the test does not apply.");

        foreach (var index in indexes)
        {
            var original = await database.InsertAsync(entityType);
            var rowsBefore = await database.CountRowsAsync(entityType);

            await using var context = database.CreateContext();
            var duplicate = new TestData(context).Add(entityType);
            foreach (var property in index.Properties)
            {
                context.Entry(duplicate).Property(property.Name).CurrentValue = property.PropertyInfo!.GetValue(original);
            }

            var error = await Assert.ThrowsAsync<UniqueConstraintException>(() => context.SaveChangesAsync());

            AssertNamesTable(error, entityType);
            Assert.Contains("unique", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_reference_to_a_missing_row_is_refused(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var foreignKeys = ForeignKeysToMissingRows(entityType).ToList();
        Skip.If(foreignKeys.Count == 0, $"{entityName} has no foreign key: the test does not apply.");

        foreach (var foreignKey in foreignKeys)
        {
            var rowsBefore = await database.CountRowsAsync(entityType);

            await using var context = database.CreateContext();
            var entity = new TestData(context).AddWithoutParent(entityType, foreignKey);
            context.Entry(entity).Property(foreignKey.Properties[0].Name).CurrentValue = MissingKey(foreignKey.Properties[0].ClrType);

            var error = await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());

            Assert.Contains("foreign key", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public Task Deleting_a_parent_follows_the_configured_delete_rule(string entityName) =>
        AssertDeletingParentsFollowsTheRuleAsync(entityName, childrenLoaded: false);

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public Task Deleting_a_parent_whose_children_are_loaded_follows_the_configured_delete_rule(string entityName) =>
        AssertDeletingParentsFollowsTheRuleAsync(entityName, childrenLoaded: true);

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Raw_SQL_cannot_empty_a_required_column(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var required = ModelCatalog.Columns(entityType).Where(p => !p.IsNullable && !p.IsKey() && !p.IsConcurrencyToken);
        var row = await database.InsertAsync(entityType);

        await using var context = database.CreateContext();
        foreach (var property in required)
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => context.ExecuteRawAsync(
                $"UPDATE {context.Delimit(entityType.GetTableName()!)} SET {context.Delimit(ColumnName(property, entityType))} = NULL WHERE {context.Delimit(ModelCatalog.KeyColumn(entityType))} = {context.SqlLiteral(row.Id)}"));

            Assert.Equal(ConstraintKind.NotNull, DatabaseErrorClassifier.Classify(error)?.Kind);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Raw_SQL_cannot_break_a_check_constraint(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var columns = ModelCatalog.Columns(entityType).ToDictionary(p => ColumnName(p, entityType));
        var table = entityType.GetTableName()!;
        Skip.IfNot(ModelCatalog.CheckRules(entityType).Any(), $"{entityName} has no CHECK constraint from a model rule: the test does not apply.");
        var row = await database.InsertAsync(entityType);

        await using var context = database.CreateContext();
        foreach (var check in ModelCatalog.CheckRules(entityType))
        {
            var (_, column, rule) = check;
            var badValue = rule switch
            {
                "NonNegative" => "-1",
                "Min" => (ModelCatalog.Bound(entityType, check) - 1).ToString(CultureInfo.InvariantCulture),
                "Max" => (ModelCatalog.Bound(entityType, check) + 1).ToString(CultureInfo.InvariantCulture),
                "Enum" => "'NotAValue'",
                "MaxLength" => $"'{new string('x', columns[column].GetMaxLength()!.Value + 1)}'",
                _ => null,
            };
            if (badValue is null)
            {
                continue;
            }

            var error = await Assert.ThrowsAnyAsync<DbException>(() => context.ExecuteRawAsync(
                $"UPDATE {context.Delimit(table)} SET {context.Delimit(column)} = {badValue} WHERE {context.Delimit(ModelCatalog.KeyColumn(entityType))} = {context.SqlLiteral(row.Id)}"));

            Assert.Equal(ConstraintKind.Check, DatabaseErrorClassifier.Classify(error)?.Kind);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_stale_update_is_refused_as_a_concurrency_conflict(string entityName)
    {
        Skip.IfNot(TestData.HasPlainColumn(ModelCatalog.Entity(entityName)), $"{entityName} has no column of its own to change: the test does not apply.");
        var entityType = ModelCatalog.Entity(entityName);
        var row = await database.InsertAsync(entityType);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = (await first.FindAsync(entityType.ClrType, row.Id))!;
        var secondCopy = (await second.FindAsync(entityType.ClrType, row.Id))!;
        Assert.True(TestData.ChangeOneColumn(first.Entry(firstCopy)));
        Assert.True(TestData.ChangeOneColumn(second.Entry(secondCopy)));
        await first.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());

        Assert.Contains(entityName, error.Message, StringComparison.Ordinal);
        Assert.Equal(EntityState.Modified, second.Entry(secondCopy).State);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_stale_update_reaches_the_interceptors_registered_after_the_model_s(string entityName)
    {
        Skip.IfNot(TestData.HasPlainColumn(ModelCatalog.Entity(entityName)), $"{entityName} has no column of its own to change: the test does not apply.");
        var entityType = ModelCatalog.Entity(entityName);
        var row = await database.InsertAsync(entityType);
        var listener = new SaveChangesListener();

        await using var first = database.CreateContext();
        await using var second = database.CreateContext(listener);
        var firstCopy = (await first.FindAsync(entityType.ClrType, row.Id))!;
        var secondCopy = (await second.FindAsync(entityType.ClrType, row.Id))!;
        Assert.True(TestData.ChangeOneColumn(first.Entry(firstCopy)));
        Assert.True(TestData.ChangeOneColumn(second.Entry(secondCopy)));
        await first.SaveChangesAsync();
        var eventRaised = false;
        second.SaveChangesFailed += (_, _) => eventRaised = true;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());

        Assert.True(listener.SawConcurrencyConflict, "An interceptor registered after the model's never heard of the conflict.");
        Assert.True(eventRaised, "The SaveChangesFailed event was not raised.");
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_refused_save_reaches_the_SaveChangesFailed_listeners(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var index = UniqueIndexes(entityType).FirstOrDefault();
        Skip.If(index is null, $"{entityName} has no unique index to break: the test does not apply.");
        var original = await database.InsertAsync(entityType);
        var listener = new SaveChangesListener();

        await using var context = database.CreateContext(listener);
        var duplicate = new TestData(context).Add(entityType);
        foreach (var property in index.Properties)
        {
            context.Entry(duplicate).Property(property.Name).CurrentValue = property.PropertyInfo!.GetValue(original);
        }

        Exception? eventException = null;
        context.SaveChangesFailed += (_, e) => eventException = e.Exception;

        var error = await Assert.ThrowsAsync<UniqueConstraintException>(() => context.SaveChangesAsync());

        // The listeners see the provider's exception as EF Core raised it; the caller gets ours, which wraps it.
        Assert.NotNull(listener.Failure);
        Assert.NotNull(eventException);
        Assert.Same(eventException, error.InnerException);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_failed_batch_writes_nothing_and_succeeds_once_fixed(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var foreignKey = ForeignKeysToMissingRows(entityType).FirstOrDefault();
        Skip.If(foreignKey is null, $"{entityName} has no foreign key to break (the unique-index test covers its batch): the test does not apply.");

        var rowsBefore = await database.CountRowsAsync(entityType);
        await using var context = database.CreateContext();
        var data = new TestData(context);
        var good = data.Add(entityType);

        // The second row of the batch points at a parent that does not exist.
        var bad = data.AddWithoutParent(entityType, foreignKey);
        context.Entry(bad).Property(foreignKey.Properties[0].Name).CurrentValue = MissingKey(foreignKey.Properties[0].ClrType);

        await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
        Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
        Assert.Equal(EntityState.Added, context.Entry(good).State);

        context.Entry(bad).Reference(foreignKey.DependentToPrincipal!.Name).CurrentValue = data.Add(foreignKey.PrincipalEntityType);
        await context.SaveChangesAsync();
        Assert.Equal(rowsBefore + 2, await database.CountRowsAsync(entityType));
    }

    private static IEnumerable<IIndex> UniqueIndexes(IEntityType entityType) =>
        entityType.GetIndexes().Where(index => index.IsUnique && !index.Properties.Any(p => p.IsForeignKey()));

    /// <summary>The entity's required single-column foreign keys, which <see cref="MissingKey"/> can point at no row.</summary>
    private static IEnumerable<IForeignKey> ForeignKeysToMissingRows(IEntityType entityType) =>
        entityType.GetForeignKeys().Where(fk => fk.Properties is [{ ClrType: var type }] && MissingKey(type) is not null);

    /// <summary>A key of the project's key type that no row has: keys count up from 1, and a new Guid is new.</summary>
    private static object? MissingKey(Type keyType) =>
        keyType == typeof(int) ? int.MaxValue
        : keyType == typeof(long) ? long.MaxValue
        : keyType == typeof(Guid) ? Guid.NewGuid()
        : null;

    private async Task AssertDeletingParentsFollowsTheRuleAsync(string entityName, bool childrenLoaded)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var foreignKeys = entityType.GetForeignKeys().Where(fk => fk.IsRequired && fk.DependentToPrincipal is not null).ToList();
        Skip.If(foreignKeys.Count == 0, $"{entityName} has no required parent: the test does not apply.");

        foreach (var foreignKey in foreignKeys)
        {
            var child = await database.InsertAsync(entityType);
            var parent = (BaseEntity)foreignKey.DependentToPrincipal!.PropertyInfo!.GetValue(child)!;

            await using var context = database.CreateContext();
            var trackedParent = (await context.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id))!;
            if (childrenLoaded)
            {
                Assert.NotNull(await context.FindAsync(entityType.ClrType, child.Id));
            }

            context.Remove(trackedParent);

            if (foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
            {
                await context.SaveChangesAsync();
                await using var verify = database.CreateContext();
                Assert.Null(await verify.FindAsync(entityType.ClrType, child.Id));
            }
            else
            {
                var error = await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => context.SaveChangesAsync());
                Assert.NotNull(error.InnerException);
                await using var verify = database.CreateContext();
                Assert.NotNull(await verify.FindAsync(foreignKey.PrincipalEntityType.ClrType, parent.Id));
                Assert.NotNull(await verify.FindAsync(entityType.ClrType, child.Id));
            }
        }
    }

    /// <summary>The property's column in the entity's table (value-object columns are prefixed, e.g. Address_City).</summary>
    private static string ColumnName(IProperty property, IEntityType entityType) =>
        property.GetColumnName(StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema()))!;

    /// <summary>An application's interceptor, registered after the model's: it records what it was told of a failed save.</summary>
    private sealed class SaveChangesListener : SaveChangesInterceptor
    {
        public bool SawConcurrencyConflict { get; private set; }

        public Exception? Failure { get; private set; }

        public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
            ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            SawConcurrencyConflict = true;
            return ValueTask.FromResult(result);
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Failure = eventData.Exception;
            return Task.CompletedTask;
        }
    }

    private static void AssertNamesTable(ConstraintViolationException error, IEntityType entityType)
    {
        if (error.Table is not null)
        {
            Assert.Equal(entityType.GetTableName(), error.Table);
        }
    }
}
