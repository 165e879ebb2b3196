using Shop.Common.Errors;

namespace Shop.Tests.Persistence;

/// <summary>
/// SQL Server names constraints only in its message text, and words that text in the server's (or the
/// login's) language: the classifier reads the error number, the quoted names and the constraint's
/// prefix, never the words. These are messages of each error number in English and German, so the
/// mapping is tested without a server.
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
    public void Error_547_for_a_snake_case_check_constraint_is_a_check_violation_and_for_a_snake_case_foreign_key_is_not()
    {
        var check = DatabaseErrorClassifier.Classify(
            547,
            "The UPDATE statement conflicted with the CHECK constraint \"ck_products_price_non_negative\". The conflict occurred in database \"shop\", table \"dbo.products\", column 'price'.");
        var foreignKey = DatabaseErrorClassifier.Classify(
            547,
            "The DELETE statement conflicted with the REFERENCE constraint \"fk_products_suppliers_supplier_id\". The conflict occurred in database \"shop\", table \"dbo.products\", column 'supplier_id'.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Check, "products", "ck_products_price_non_negative", "price"), check);
        Assert.Equal(new ConstraintViolation(ConstraintKind.ForeignKey, "products", "fk_products_suppliers_supplier_id", "supplier_id"), foreignKey);
    }

    [Fact]
    public void Error_515_is_a_not_null_violation_naming_the_table_and_column()
    {
        var violation = DatabaseErrorClassifier.Classify(
            515,
            "Cannot insert the value NULL into column 'Name', table 'Shop.dbo.Suppliers'; column does not allow nulls. INSERT fails.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.NotNull, "Suppliers", null, "Name"), violation);
    }

    [Fact]
    public void Error_2627_in_german_is_a_unique_violation_naming_the_table_and_constraint()
    {
        var violation = DatabaseErrorClassifier.Classify(
            2627,
            "Verletzung der UNIQUE KEY-Einschränkung 'AK_Suppliers_Code'. Ein doppelter Schlüssel kann in das 'dbo.Suppliers'-Objekt nicht eingefügt werden. Der doppelte Schlüsselwert ist (ACME).");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Unique, "Suppliers", "AK_Suppliers_Code", null), violation);
    }

    [Fact]
    public void Error_2601_in_german_is_a_unique_violation_naming_the_unique_index()
    {
        var violation = DatabaseErrorClassifier.Classify(
            2601,
            "Eine Zeile mit doppeltem Schlüssel kann in das 'dbo.Products'-Objekt mit dem eindeutigen 'IX_Products_Sku'-Index nicht eingefügt werden. Der doppelte Schlüsselwert ist (SKU-1).");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Unique, "Products", "IX_Products_Sku", null), violation);
    }

    [Fact]
    public void Error_547_in_german_for_a_check_constraint_is_a_check_violation()
    {
        var violation = DatabaseErrorClassifier.Classify(
            547,
            "Die UPDATE-Anweisung steht in Konflikt mit der CHECK-Einschränkung \"CK_Products_Price_NonNegative\". Der Konflikt trat in der \"Shop\"-Datenbank, Tabelle \"dbo.Products\", column 'Price' auf.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.Check, "Products", "CK_Products_Price_NonNegative", "Price"), violation);
    }

    [Fact]
    public void Error_547_in_german_for_a_foreign_key_is_a_foreign_key_violation()
    {
        var violation = DatabaseErrorClassifier.Classify(
            547,
            "Die DELETE-Anweisung steht in Konflikt mit der REFERENCE-Einschränkung \"FK_Products_Suppliers_SupplierId\". Der Konflikt trat in der \"Shop\"-Datenbank, Tabelle \"dbo.Products\", column 'SupplierId' auf.");

        Assert.Equal(new ConstraintViolation(ConstraintKind.ForeignKey, "Products", "FK_Products_Suppliers_SupplierId", "SupplierId"), violation);
    }

    [Fact]
    public void Error_515_in_german_is_a_not_null_violation_naming_the_table_and_column()
    {
        var violation = DatabaseErrorClassifier.Classify(
            515,
            "Der Wert NULL kann nicht in die 'Name'-Spalte, 'Shop.dbo.Suppliers'-Tabelle eingefügt werden. Die Spalte lässt NULL-Werte nicht zu. Fehler bei INSERT.");

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
