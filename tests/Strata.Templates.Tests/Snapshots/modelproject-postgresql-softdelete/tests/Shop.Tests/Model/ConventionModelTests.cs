using Shop.Common.SoftDelete;
using Shop.Tests.Infrastructure;
using Shop.Tests.Model.ConventionModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Tests.Model;

/// <summary>
/// The project's conventions on entity shapes the shipped model may not have yet: irregular plurals
/// and inheritance mapped table-per-type (a table per class) and table-per-hierarchy (one table).
/// </summary>
public sealed class ConventionModelTests
{
    private static readonly Lazy<IModel> LazyModel = new(() =>
    {
        // Building the model opens no connection, so any connection string will do.
        using var context = ConventionModelDbContext.Create("Data Source=model-only");
        return context.Model;
    });

    [Theory]
    [InlineData(typeof(Person), "People")]
    [InlineData(typeof(Category), "Categories")]
    [InlineData(typeof(Animal), "Animals")]
    [InlineData(typeof(Dog), "Dogs")]
    [InlineData(typeof(Cat), "Cats")]
    public void Each_table_is_named_after_the_plural_of_its_entity(Type entityType, string expectedTable)
    {
        Assert.Equal(expectedTable, LazyModel.Value.FindEntityType(entityType)!.GetTableName());
    }

    [Theory]
    [InlineData(typeof(Vehicle))]
    [InlineData(typeof(Bus))]
    [InlineData(typeof(Lorry))]
    public void A_table_per_hierarchy_keeps_one_table_named_after_its_root(Type entityType)
    {
        Assert.Equal("Vehicles", LazyModel.Value.FindEntityType(entityType)!.GetTableName());
    }

    [Theory]
    [InlineData("Dogs")]
    [InlineData("Cats")]
    public void A_table_per_type_row_is_deleted_with_its_base_row(string derivedTable)
    {
        // EF links a derived table to its base table by primary key; that link is part of the row, not a
        // reference to another row, so RestrictDeleteConvention must leave it cascading.
        var link = Assert.Single(LazyModel.Value.GetRelationalModel().FindTable(derivedTable, schema: null)!.ForeignKeyConstraints);

        Assert.Equal(LazyModel.Value.FindEntityType(typeof(Animal))!.GetTableName(), link.PrincipalTable.Name);
        Assert.Equal(ReferentialAction.Cascade, link.OnDeleteAction);
    }

    [DatabaseFact]
    public async Task Deleting_a_base_row_in_the_database_deletes_its_derived_row()
    {
        var connectionString = TestConnection.CreateUnique();
        await using var context = ConventionModelDbContext.Create(connectionString);
        await context.Database.EnsureCreatedAsync();
        try
        {
            var dog = new Dog { Name = "Rex" };
            context.Add(dog);
            await context.SaveChangesAsync();

            // Another application (or a script) deletes the animal: its Dogs row must go with it.
            var animals = context.Model.FindEntityType(typeof(Animal))!;
            await context.ExecuteRawAsync(
                $"DELETE FROM {context.Delimit(animals.GetTableName()!)} WHERE {context.Delimit(ModelCatalog.KeyColumn(animals))} = {context.SqlLiteral(dog.Id)}");

            Assert.Equal(0, await context.CountRowsAsync(context.Model.FindEntityType(typeof(Dog))!));
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    [DatabaseFact]
    public async Task A_soft_deleted_row_of_a_derived_type_is_hidden_from_its_base_and_its_type()
    {
        var connectionString = TestConnection.CreateUnique();
        await using var context = ConventionModelDbContext.Create(connectionString);
        await context.Database.EnsureCreatedAsync();
        try
        {
            var dog = new Dog { Name = "Rex" };
            context.Add(dog);
            await context.SaveChangesAsync();

            context.Remove(dog);
            await context.SaveChangesAsync();

            Assert.Empty(await context.Set<Animal>().ToListAsync());
            Assert.Empty(await context.Set<Dog>().ToListAsync());
            Assert.NotNull((await context.Set<Dog>().IncludeDeleted().SingleAsync()).DeletedAt);
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }
}
