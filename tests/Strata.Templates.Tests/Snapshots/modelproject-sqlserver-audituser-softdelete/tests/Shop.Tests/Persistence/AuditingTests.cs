using Shop.Common;
using Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        var now = database.Clock.GetUtcNow().UtcDateTime;

        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;

        await using var context = database.CreateContext();
        if (await FindAsync(context, entityName, id) is IAuditable saved)
        {
            Assert.Equal(now, saved.CreatedAt);
            Assert.Equal(now, saved.UpdatedAt);
            Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Changing_a_column_moves_UpdatedAt_but_not_CreatedAt(string entityName)
    {
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var context = database.CreateContext())
        {
            var entity = await FindAsync(context, entityName, id);
            Assert.True(TestData.ChangeOneColumn(context.Entry(entity!)), $"{entityName} has no plain column the test can change.");
            await context.SaveChangesAsync();
        }

        await using var verify = database.CreateContext();
        if (await FindAsync(verify, entityName, id) is IAuditable saved)
        {
            Assert.Equal(created, saved.CreatedAt);
            Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Saving_without_a_real_change_leaves_UpdatedAt_alone(string entityName)
    {
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var context = database.CreateContext())
        {
            _ = await FindAsync(context, entityName, id);
            await context.SaveChangesAsync();
        }

        await using var verify = database.CreateContext();
        if (await FindAsync(verify, entityName, id) is IAuditable saved)
        {
            Assert.Equal(created, saved.UpdatedAt);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task CreatedAt_cannot_be_changed_after_insert(string entityName)
    {
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        var created = database.Clock.GetUtcNow().UtcDateTime;

        await using (var context = database.CreateContext())
        {
            var entity = await FindAsync(context, entityName, id);
            if (entity is not AuditableEntity)
            {
                return;
            }

            context.Entry(entity).Property(nameof(IAuditable.CreatedAt)).CurrentValue = created.AddYears(-1);
            await context.SaveChangesAsync();
        }

        await using var verify = database.CreateContext();
        var saved = (IAuditable)(await FindAsync(verify, entityName, id))!;
        Assert.Equal(created, saved.CreatedAt);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public void The_synchronous_SaveChanges_is_audited_too(string entityName)
    {
        using var context = database.CreateContext();
        var entity = new TestData(context).Add(ModelCatalog.Entity(entityName));

        context.SaveChanges();

        if (entity is IAuditable audited)
        {
            Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, audited.UpdatedAt);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task The_interceptors_share_one_scan_of_the_tracked_entities(string entityName)
    {
        var id = (await database.InsertAsync(ModelCatalog.Entity(entityName))).Id;
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using var context = database.CreateContext();
        var entity = await FindAsync(context, entityName, id);
        Assert.True(TestData.ChangeOneColumn(context.Entry(entity!)), $"{entityName} has no plain column the test can change.");
        var scans = 0;
        context.ChangeTracker.DetectedAllChanges += (_, _) => scans++;

        await context.SaveChangesAsync();

        // The first of the model's interceptors detects the caller's changes and the others reuse that scan;
        // EF Core then makes its own, which picks up the audit columns. One scan per interceptor would be 3-4.
        Assert.Equal(2, scans);
        if (entity is IAuditable audited)
        {
            Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, audited.UpdatedAt);
        }
    }

    private static async Task<BaseEntity?> FindAsync(DbContext context, string entityName, int id) =>
        (BaseEntity?)await context.FindAsync(ModelCatalog.Entity(entityName).ClrType, id);
}
