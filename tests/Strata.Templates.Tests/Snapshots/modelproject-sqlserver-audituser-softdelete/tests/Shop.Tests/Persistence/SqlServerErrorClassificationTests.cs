using Shop.Common.Errors;

namespace Shop.Tests.Persistence;

/// <summary>
/// SQL Server names constraints only in its message text; these are real messages of each error
/// number, so the mapping is tested without a server.
/// </summary>
public sealed class SqlServerErrorClassificationTests
{
    [Fact]
    public void Error_2627_is_a_unique_violation_naming_the_table_and_constraint()
    {
        var violation = DatabaseErrorClassifier.Classify(
            2627,
            "Violation of UNIQUE KEY constraint 'AK_Suppliers_Code'. Cannot insert duplicate key in object 'dbo.Suppliers'. The duplicate key value is (ACME).");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Unique, "Suppliers", "AK_Suppliers_Code", null), violation);
    }

    [Fact]
    public void Error_2601_is_a_unique_violation_naming_the_unique_index()
    {
        var violation = DatabaseErrorClassifier.Classify(
            2601,
            "Cannot insert duplicate key row in object 'dbo.Products' with unique index 'IX_Products_Sku'. The duplicate key value is (SKU-1).");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Unique, "Products", "IX_Products_Sku", null), violation);
    }

    [Fact]
    public void Error_547_on_insert_is_a_foreign_key_violation()
    {
        var violation = DatabaseErrorClassifier.Classify(
            547,
            "The INSERT statement conflicted with the FOREIGN KEY constraint \"FK_Products_Suppliers_SupplierId\". The conflict occurred in database \"Shop\", table \"dbo.Suppliers\", column 'Id'.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.ForeignKey, "Suppliers", "FK_Products_Suppliers_SupplierId", "Id"), violation);
    }

    [Fact]
    public void Error_547_on_delete_is_a_foreign_key_violation_naming_the_referencing_table()
    {
        var violation = DatabaseErrorClassifier.Classify(
            547,
            "The DELETE statement conflicted with the REFERENCE constraint \"FK_Products_Suppliers_SupplierId\". The conflict occurred in database \"Shop\", table \"dbo.Products\", column 'SupplierId'.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.ForeignKey, "Products", "FK_Products_Suppliers_SupplierId", "SupplierId"), violation);
    }

    [Fact]
    public void Error_547_for_a_check_constraint_is_a_check_violation()
    {
        var violation = DatabaseErrorClassifier.Classify(
            547,
            "The UPDATE statement conflicted with the CHECK constraint \"CK_Products_Price_NonNegative\". The conflict occurred in database \"Shop\", table \"dbo.Products\", column 'Price'.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Check, "Products", "CK_Products_Price_NonNegative", "Price"), violation);
    }

    [Fact]
    public void Error_515_is_a_not_null_violation_naming_the_table_and_column()
    {
        var violation = DatabaseErrorClassifier.Classify(
            515,
            "Cannot insert the value NULL into column 'Name', table 'Shop.dbo.Suppliers'; column does not allow nulls. INSERT fails.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.NotNull, "Suppliers", null, "Name"), violation);
    }

    [Theory]
    [InlineData(1205, "Transaction (Process ID 52) was deadlocked on lock resources with another process.")]
    [InlineData(8152, "String or binary data would be truncated.")]
    public void Other_errors_are_not_constraint_violations(int errorNumber, string message)
    {
        Assert.Null(DatabaseErrorClassifier.Classify(errorNumber, message));
    }
}
