using System.Data.Common;
using Shop.Common.Errors;
using Shop.Entities;
using Shop.Tests.Infrastructure;
using Shop.Validators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Persistence;

/// <summary>An ISO 3166-1 alpha-2 country code has exactly two letters: the validator and the database agree.</summary>
public sealed class CountryCodeTests
{
    [Fact]
    public void The_validator_refuses_a_one_letter_country_code()
    {
        var address = new Address { Street = "Main Street 1", City = "Utrecht", PostalCode = "3511 AA", CountryCode = "N" };

        Assert.False(new AddressValidator().Validate(address).IsValid);
    }

    [DatabaseFact]
    public async Task The_database_refuses_a_one_letter_country_code()
    {
        var suppliers = ModelCatalog.Entity(nameof(Supplier));
        var table = StoreObjectIdentifier.Table(suppliers.GetTableName()!);
        var countryCode = suppliers.GetComplexProperties().Single().ComplexType.FindProperty(nameof(Address.CountryCode))!.GetColumnName(table)!;
        // A database of its own, not a class fixture: the validator test above needs none.
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            var supplier = await database.InsertAsync(suppliers);

            await using var context = database.CreateContext();
            var error = await Assert.ThrowsAnyAsync<DbException>(() => context.ExecuteRawAsync(
                $"UPDATE {context.Delimit(table.Name)} SET {context.Delimit(countryCode)} = 'N' WHERE {context.Delimit(ModelCatalog.KeyColumn(suppliers))} = {context.SqlLiteral(supplier.Id)}"));

            Assert.Equal(ConstraintKind.Check, DatabaseErrorClassifier.Classify(error)?.Kind);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
