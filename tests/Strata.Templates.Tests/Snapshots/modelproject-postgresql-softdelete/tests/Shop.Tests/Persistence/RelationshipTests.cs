using System.Data.Common;
using Shop.Common;
using Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Persistence;

/// <summary>
/// Many-to-many links and self-references of the model, whatever entities it has: a link is one join row, stamped
/// when it was made and gone with either end (or, where the database cannot cascade, the delete is refused: no row
/// is ever left pointing nowhere); a self-reference accepts a cycle in the data.
/// </summary>
public sealed class RelationshipTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>
    /// Every many-to-many, once, from a side with a property (EF Core gives a one-sided one, <c>.WithMany()</c>, a
    /// skip navigation without a property on the other side).
    /// </summary>
    private static IEnumerable<ISkipNavigation> ManyToManies =>
        ModelCatalog.Entities.SelectMany(entity => entity.GetDeclaredSkipNavigations())
            .Where(navigation => navigation.PropertyInfo is not null)
            .DistinctBy(navigation => navigation.JoinEntityType);

    /// <summary>Every optional foreign key from an entity to its own type (a manager, a parent category).</summary>
    private static IEnumerable<IForeignKey> SelfReferences =>
        ModelCatalog.Entities.SelectMany(entity => entity.GetDeclaredForeignKeys())
            .Where(foreignKey => foreignKey.PrincipalEntityType == foreignKey.DeclaringEntityType && !foreignKey.IsRequired);

    [DatabaseFact]
    public async Task A_link_is_one_join_row_that_goes_with_either_end()
    {
        var manyToManies = ManyToManies.ToList();
        Skip.If(manyToManies.Count == 0, "The model has no many-to-many: the test does not apply.");

        foreach (var navigation in manyToManies)
        {
            var join = navigation.JoinEntityType;
            foreach (var end in join.GetForeignKeys())
            {
                var rowsBefore = await database.CountRowsAsync(join);
                var (left, right) = await LinkAsync(navigation);
                Assert.Equal(rowsBefore + 1, await database.CountRowsAsync(join));

                // Delete the end this key points to the way another application would: only the database acts.
                var doomed = end == navigation.ForeignKey ? left : right;
                await using var context = database.CreateContext();
                var table = end.PrincipalEntityType.GetTableName()!;
                var delete = $"DELETE FROM {context.Delimit(table)} WHERE {context.Delimit(ModelCatalog.KeyColumn(end.PrincipalEntityType))} = {context.SqlLiteral(doomed.Id)}";
                if (end.DeleteBehavior == DeleteBehavior.Cascade)
                {
                    await context.ExecuteRawAsync(delete);
                    Assert.Equal(rowsBefore, await database.CountRowsAsync(join));
                }
                else
                {
                    // E.g. the second key of a SQL Server self join table (SQL Server allows one cascade path).
                    await Assert.ThrowsAnyAsync<DbException>(() => context.ExecuteRawAsync(delete));
                    Assert.Equal(rowsBefore + 1, await database.CountRowsAsync(join));
                }
            }
        }
    }

    [DatabaseFact]
    public async Task A_link_records_when_it_was_made()
    {
        var stamped = ManyToManies.Where(navigation => navigation.JoinEntityType.FindProperty("CreatedAt") is not null).ToList();
        Skip.If(stamped.Count == 0, "The model has no join entity with CreatedAt: the test does not apply.");

        foreach (var navigation in stamped)
        {
            // The fixture's fake clock, far from the real one: the value can only come from the auditing.
            var now = database.Clock.GetUtcNow().UtcDateTime;
            await using var context = database.CreateContext();
            var left = (BaseEntity)new TestData(context).Add(navigation.DeclaringEntityType);
            var right = (BaseEntity)new TestData(context).Add(navigation.TargetEntityType);
            Link(context, navigation, left, right);
            await context.SaveChangesAsync();

            var link = Assert.Single(context.ChangeTracker.Entries(), entry => entry.Metadata.Name == navigation.JoinEntityType.Name);
            Assert.Equal(now, (DateTime)link.Property("CreatedAt").CurrentValue!);
        }
    }

    [DatabaseFact]
    public async Task A_self_reference_accepts_a_cycle_in_the_data()
    {
        var selfReferences = SelfReferences.ToList();
        Skip.If(selfReferences.Count == 0, "The model has no optional self-reference: the test does not apply.");

        foreach (var foreignKey in selfReferences)
        {
            await using var context = database.CreateContext();
            var first = new TestData(context).Add(foreignKey.DeclaringEntityType);
            var second = new TestData(context).Add(foreignKey.DeclaringEntityType);
            await context.SaveChangesAsync();

            var navigation = foreignKey.DependentToPrincipal!;
            navigation.PropertyInfo!.SetValue(first, second);
            navigation.PropertyInfo!.SetValue(second, first);
            await context.SaveChangesAsync();

            await using var check = database.CreateContext();
            var key = foreignKey.Properties[0].Name;
            var stored = await check.FindAsync(foreignKey.DeclaringEntityType.ClrType, ((BaseEntity)first).Id);
            Assert.Equal(((BaseEntity)second).Id, check.Entry(stored!).Property(key).CurrentValue);
        }
    }

    /// <summary>Adds <paramref name="right"/> to the collection of <paramref name="left"/> (the context's own model knows how).</summary>
    private static void Link(DbContext context, ISkipNavigation navigation, object left, object right) =>
        context.Model.FindEntityType(navigation.DeclaringEntityType.Name)!.FindSkipNavigation(navigation.Name)!
            .GetCollectionAccessor()!.Add(left, right, forMaterialization: false);

    /// <summary>Saves a new row at each end of the many-to-many and one link between them.</summary>
    private async Task<(BaseEntity Left, BaseEntity Right)> LinkAsync(ISkipNavigation navigation)
    {
        await using var context = database.CreateContext();
        var left = (BaseEntity)new TestData(context).Add(navigation.DeclaringEntityType);
        var right = (BaseEntity)new TestData(context).Add(navigation.TargetEntityType);
        Link(context, navigation, left, right);
        await context.SaveChangesAsync();
        return (left, right);
    }
}
