using System.Runtime.CompilerServices;
using Shop.Common;
using Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Persistence;

/// <summary>Every entity: saved and read back, with audit timestamps set by the interceptor alone.</summary>
public sealed class AuditingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task An_entity_can_be_saved_and_read_back(string entityName)
    {
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;

        await using var context = database.CreateContext();
        var saved = await FindAsync(context, entityName, id);

        Assert.NotNull(saved);
        Assert.Equal(id, saved.Id);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Inserting_sets_CreatedAt_and_UpdatedAt_to_the_current_UTC_time(string entityName)
    {
        SkipUnlessAuditable(entityName);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;

        await using var context = database.CreateContext();
        var saved = (IAuditable)(await FindAsync(context, entityName, id))!;
        Assert.Equal(now, saved.CreatedAt);
        Assert.Equal(now, saved.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Changing_a_column_moves_UpdatedAt_but_not_CreatedAt(string entityName)
    {
        SkipUnlessAuditable(entityName);
        Skip.IfNot(TestData.HasPlainColumn(ModelCatalog.Entity(entityName)), $"{entityName} has no column of its own to change: the test does not apply.");
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var context = database.CreateContext())
        {
            var entity = await FindAsync(context, entityName, id);
            Assert.True(TestData.ChangeOneColumn(context.Entry(entity!)));
            await context.SaveChangesAsync();
        }

        var saved = await ReadBackAsync(entityName, id);
        Assert.Equal(created, saved.CreatedAt);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_plain_property_assignment_moves_UpdatedAt(string entityName)
    {
        SkipUnlessAuditable(entityName);
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var context = database.CreateContext())
        {
            // Assigned on the object, not through the change tracker: only change detection can see it.
            var entity = await FindAsync(context, entityName, id);
            Skip.IfNot(
                TestData.ChangeOneColumn(context.Entry(entity!), throughTheObject: true),
                $"{entityName} has no column with a public setter: the test does not apply.");
            await context.SaveChangesAsync();
        }

        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, (await ReadBackAsync(entityName, id)).UpdatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_change_made_by_an_interceptor_registered_after_the_model_s_is_saved(string entityName)
    {
        Skip.IfNot(TestData.HasPlainColumn(ModelCatalog.Entity(entityName)), $"{entityName} has no column of its own to change: the test does not apply.");
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var lateChange = new ChangeOneColumnOnSave();

        await using (var context = database.CreateContext(lateChange))
        {
            var entity = await FindAsync(context, entityName, id);
            context.Entry(entity!).State = EntityState.Modified;
            await context.SaveChangesAsync();
        }

        Assert.True(lateChange.Changed);
        await using var verify = database.CreateContext();
        var saved = await FindAsync(verify, entityName, id);
        Assert.Equal(lateChange.NewValue, verify.Entry(saved!).Property(lateChange.PropertyName!).CurrentValue);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Saving_without_a_real_change_leaves_UpdatedAt_alone(string entityName)
    {
        SkipUnlessAuditable(entityName);
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var context = database.CreateContext())
        {
            _ = await FindAsync(context, entityName, id);
            await context.SaveChangesAsync();
        }

        Assert.Equal(created, (await ReadBackAsync(entityName, id)).UpdatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task CreatedAt_cannot_be_changed_after_insert(string entityName)
    {
        SkipUnlessAuditable(entityName);
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;

        await using (var context = database.CreateContext())
        {
            var entity = await FindAsync(context, entityName, id);
            context.Entry(entity!).Property(nameof(IAuditable.CreatedAt)).CurrentValue = created.AddYears(-1);
            await context.SaveChangesAsync();
        }

        Assert.Equal(created, (await ReadBackAsync(entityName, id)).CreatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Updating_a_detached_entity_keeps_CreatedAt_and_leaves_the_object_as_it_came(string entityName)
    {
        SkipUnlessAuditable(entityName);
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        // The object comes back from a client without its CreatedAt (as one mapped from a request would).
        BaseEntity detached;
        await using (var load = database.CreateContext())
        {
            detached = (await FindAsync(load, entityName, id))!;
        }

        typeof(AuditableEntity).GetProperty(nameof(AuditableEntity.CreatedAt))!.SetValue(detached, default(DateTime));

        await using (var context = database.CreateContext())
        {
            context.Update(detached);
            await context.SaveChangesAsync();

            // EF Core reads back only store-generated columns, so the object keeps the value it came with;
            // reloading it (or loading the row and applying the changes to it) gives the stored one.
            Assert.Equal(default, ((IAuditable)detached).CreatedAt);
            await context.Entry(detached).ReloadAsync();
            Assert.Equal(created, ((IAuditable)detached).CreatedAt);
        }

        Assert.Equal(created, (await ReadBackAsync(entityName, id)).CreatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task With_automatic_change_detection_off_the_audit_columns_and_the_version_are_saved(string entityName)
    {
        Skip.IfNot(TestData.HasPlainColumn(ModelCatalog.Entity(entityName)), $"{entityName} has no column of its own to change: the test does not apply.");
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;

        await using var context = database.CreateContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        var entity = (await FindAsync(context, entityName, id))!;

        // Two saves in a row on one context: the first must store the new version, or the second is
        // refused as a concurrency conflict that never happened.
        for (var save = 0; save < 2; save++)
        {
            database.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.True(TestData.ChangeOneColumn(context.Entry(entity)));
            await context.SaveChangesAsync();

            await using var verify = database.CreateContext();
            var saved = (await FindAsync(verify, entityName, id))!;
            Assert.Equal(verify.Entry(saved).Property(nameof(BaseEntity.Version)).CurrentValue, context.Entry(entity).Property(nameof(BaseEntity.Version)).CurrentValue);
            if (saved is IAuditable audited)
            {
                Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, audited.UpdatedAt);
            }
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public void The_synchronous_SaveChanges_is_audited_too(string entityName)
    {
        SkipUnlessAuditable(entityName);
        using var context = database.CreateContext();
        var entity = (IAuditable)new TestData(context).Add(ModelCatalog.Entity(entityName));

        context.SaveChanges();

        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, entity.UpdatedAt);
    }

    [DatabaseFact]
    public async Task A_model_is_released_once_no_context_uses_it()
    {
        Skip.IfNot(ModelCatalog.Entities.Any(), "The model has no entities yet: add one with `dotnet new entity -n <Name>`.");
        var entityType = ModelCatalog.Entities.First();
        var id = (await database.InsertAsync(entityType)).Id;

        var model = UpdateThroughAModelOfItsOwn(entityType, id);

        // EF Core's own background work (its memory cache's expiry scan) may hold the model for a moment; a cache keyed
        // by the model's metadata in a static field (rather than on the model) would hold it for good.
        for (var attempt = 0; attempt < 50 && model.IsAlive; attempt++)
        {
            await Task.Delay(20);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        Assert.False(model.IsAlive, "Something static still references a model whose contexts are all gone.");
    }

    // Synchronous and not inlined, so that no local or async state of the caller still references the model.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference UpdateThroughAModelOfItsOwn(IEntityType entityType, object id)
    {
        // Without the shared service provider the context builds a model that nothing else holds on to.
        using var context = database.CreateContextWithAModelOfItsOwn();
        var entity = context.Find(entityType.ClrType, id)!;
        // Every column marked modified, so the update goes through the auditing interceptor even without a column to change.
        context.Entry(entity).State = EntityState.Modified;
        context.SaveChanges();
        return new WeakReference(context.Model);
    }

    private static void SkipUnlessAuditable(string entityName) =>
        Skip.IfNot(
            ModelCatalog.Entity(entityName).ClrType.IsAssignableTo(typeof(IAuditable)),
            $"{entityName} has no audit columns (it derives from BaseEntity): the test does not apply.");

    private async Task<IAuditable> ReadBackAsync(string entityName, object id)
    {
        await using var context = database.CreateContext();
        return (IAuditable)(await FindAsync(context, entityName, id))!;
    }

    private static async Task<BaseEntity?> FindAsync(DbContext context, string entityName, object id) =>
        (BaseEntity?)await context.FindAsync(ModelCatalog.Entity(entityName).ClrType, id);

    /// <summary>An application's interceptor, registered after the model's, that changes one column of each updated row.</summary>
    private sealed class ChangeOneColumnOnSave : SaveChangesInterceptor
    {
        public bool Changed { get; private set; }

        public string? PropertyName { get; private set; }

        public object? NewValue { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var entry = eventData.Context!.ChangeTracker.Entries().Single(entry => entry.State == EntityState.Modified);
            var before = entry.Properties.ToDictionary(property => property.Metadata.Name, property => property.CurrentValue);
            Changed = TestData.ChangeOneColumn(entry, throughTheObject: true);
            var changed = entry.Properties.FirstOrDefault(property => !Equals(before[property.Metadata.Name], property.CurrentValue));
            PropertyName = changed?.Metadata.Name;
            NewValue = changed?.CurrentValue;
            return ValueTask.FromResult(result);
        }
    }
}
