#if (UseSqlServer)
using System.Data.SqlTypes;
#endif
using Contoso.Shop.Common;
#if (!UseSqlServer)
using Contoso.Shop.Common.Keys;
#endif
using Contoso.Shop.Tests.Infrastructure;

namespace Contoso.Shop.Tests.Persistence;

/// <summary>
/// Guid keys are made by the application when an entity is added, in the order the database sorts them, so that
/// inserts land at the end of the primary-key index. No database needed: <see cref="KeyOrderTests"/> checks the
/// database's own order where one runs.
/// </summary>
public sealed class GuidKeyTests
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
#if (UseSqlServer)
    public void Keys_grow_in_the_order_SQL_Server_sorts_uniqueidentifier(string entityName)
#else
    public void Keys_grow_in_the_order_the_database_sorts_uuids(string entityName)
#endif
    {
        // The model is built, and keys are made, without opening a connection.
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        var data = new TestData(context);
        var keys = Enumerable.Range(0, 1_000)
            .Select(_ => ((BaseEntity)data.Add(ModelCatalog.Entity(entityName), addParents: false)).Id)
            .ToList();

#if (UseSqlServer)
        // SqlGuid compares as SQL Server does (the last six bytes first); Guid compares from the first byte and
        // would call Guid.CreateVersion7() keys ordered, which SQL Server scatters.
        Assert.Equal(keys, keys.OrderBy(key => new SqlGuid(key)));
#else
        // PostgreSQL's uuid and SQLite's TEXT both compare from the first byte, as Guid does.
        Assert.Equal(keys, keys.Order());
#endif
    }
#if (!UseSqlServer)

    [Fact]
    public void The_generator_counts_up_within_a_millisecond_and_makes_version_7_uuids()
    {
        // Guid.CreateVersion7() alone is random within a millisecond: thousands of keys in one must still grow.
        var keys = Enumerable.Range(0, 20_000).Select(_ => SequentialGuidV7ValueGenerator.NewGuid()).ToList();

        Assert.All(keys, key => Assert.Equal(7, key.Version));
        Assert.Equal(keys, keys.Order());
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
#endif
}
