using Acme.Sales.Common;
using Acme.Sales.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Acme.Sales.Tests.Persistence;

/// <summary>
/// Keys grow in insert order, so a new row lands at the end of the primary-key index instead of on a random page
/// (which would split pages and scatter the index). The database proves it: it returns the keys in its own order.
/// </summary>
public sealed class KeyOrderTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Batches = 5;
    private const int RowsPerBatch = 10;

    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task New_rows_land_at_the_end_of_the_key_index_in_insert_order(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var inserted = new List<BaseEntity>();
        await using (var context = database.CreateContext())
        {
            var data = new TestData(context);
            for (var batch = 0; batch < Batches; batch++)
            {
                for (var row = 0; row < RowsPerBatch; row++)
                {
                    inserted.Add((BaseEntity)data.Add(entityType));
                }

                await context.SaveChangesAsync();
            }
        }

        await using var verify = database.CreateContext();
        var keysInIndexOrder = await Rows(verify, entityType.ClrType).OrderBy(entity => entity.Id).Select(entity => entity.Id).ToListAsync();

        Assert.Equal(inserted.Select(entity => entity.Id), keysInIndexOrder.TakeLast(inserted.Count));
    }

    // The entity's rows typed as BaseEntity, so one query serves every entity type.
    private static IQueryable<BaseEntity> Rows(DbContext context, Type entityType) =>
        (IQueryable<BaseEntity>)typeof(KeyOrderTests)
            .GetMethod(nameof(RowsOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType)
            .Invoke(null, [context])!;

    private static IQueryable<TEntity> RowsOf<TEntity>(DbContext context)
        where TEntity : BaseEntity =>
        context.Set<TEntity>();
}
