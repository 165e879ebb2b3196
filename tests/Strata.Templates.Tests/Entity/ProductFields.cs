namespace Strata.Templates.Tests.Entity;

/// <summary>One column a field spec should produce: its store type on each provider and whether it takes NULL.</summary>
/// <param name="Column">The column (a reference's is <c>&lt;Name&gt;Id</c>).</param>
/// <param name="Sqlite">The declared type SQLite reports (pragma_table_info).</param>
/// <param name="PostgreSql">The type PostgreSQL reports (<c>format_type</c>).</param>
/// <param name="SqlServer">The type in the SQL Server migration script (lower-case, no brackets).</param>
/// <param name="Nullable">True for a field spec ending in <c>?</c>.</param>
public sealed record FieldColumn(string Column, string Sqlite, string PostgreSql, string SqlServer, bool Nullable)
{
    public string NullText => Nullable ? "NULL" : "NOT NULL";
}

/// <summary>
/// The issue's proof: a <c>Product</c> made by one <c>dotnet new entity --fields</c> with every field type
/// and modifier (the issue's example plus long, short, double, bool, datetime, time, guid, binary{n},
/// email, index, references{X}?, :setnull and :default), then grown by <c>dotnet strata add-fields</c>.
/// </summary>
public static class ProductFields
{
    /// <summary>The <c>--fields</c> of <c>dotnet new entity -n Product</c>.</summary>
    public const string Spec =
        "Sku:string{32}:uniq Name:string{200} Description:text? Price:decimal{10,2}:min(0) Stock:int:min(0) " +
        "Rating:int:min(1):max(5) Status:enum{Draft,Active,Retired} ReleasedOn:date? Website:url? Supplier:references " +
        "Views:long Weight:short? Score:double IsFeatured:bool AvailableFrom:datetime? OpensAt:time? ExternalId:guid:uniq " +
        "Thumbnail:binary{64}? ContactEmail:email Code:index Buyer:references{Customer}?:setnull Channel:string{20}:default(Web)";

    /// <summary>The fields <c>dotnet strata add-fields Product</c> adds to the table once it holds a row.</summary>
    public const string AddedSpec = "Volume:decimal{8,3}? Barcode:string{13}?:uniq Queue:string{20}:default(General)";

    /// <summary>A required field with no default: add-fields must refuse it (existing rows would have no value).</summary>
    public const string RequiredWithoutDefault = "Color:string{20}";

    /// <summary>The migration add-fields names after its first field and the count of the others.</summary>
    public const string AddedMigration = "AddVolumeAnd2MoreToProduct";

    /// <summary>Every column <see cref="Spec"/> gives, in spec order.</summary>
    public static readonly IReadOnlyList<FieldColumn> Columns =
    [
        new("Sku", "TEXT", "character varying(32)", "nvarchar(32)", Nullable: false),
        new("Name", "TEXT", "character varying(200)", "nvarchar(200)", Nullable: false),
        new("Description", "TEXT", "text", "nvarchar(max)", Nullable: true),
        new("Price", "TEXT", "numeric(10,2)", "decimal(10,2)", Nullable: false),
        new("Stock", "INTEGER", "integer", "int", Nullable: false),
        new("Rating", "INTEGER", "integer", "int", Nullable: false),
        new("ReleasedOn", "TEXT", "date", "date", Nullable: true),
        new("Website", "TEXT", "character varying(2048)", "nvarchar(2048)", Nullable: true),
        new("SupplierId", "INTEGER", "integer", "int", Nullable: false),
        new("Views", "INTEGER", "bigint", "bigint", Nullable: false),
        new("Weight", "INTEGER", "smallint", "smallint", Nullable: true),
        new("Score", "REAL", "double precision", "float", Nullable: false),
        new("IsFeatured", "INTEGER", "boolean", "bit", Nullable: false),
        new("AvailableFrom", "TEXT", "timestamp with time zone", "datetime2", Nullable: true),
        new("OpensAt", "TEXT", "time without time zone", "time", Nullable: true),
        new("ExternalId", "TEXT", "uuid", "uniqueidentifier", Nullable: false),
        new("Thumbnail", "BLOB", "bytea", "varbinary(64)", Nullable: true),
        new("ContactEmail", "TEXT", "character varying(254)", "nvarchar(254)", Nullable: false),
        new("Code", "TEXT", "character varying(256)", "nvarchar(256)", Nullable: false),
        new("BuyerId", "INTEGER", "integer", "int", Nullable: true),
        new("Channel", "TEXT", "character varying(20)", "nvarchar(20)", Nullable: false),
    ];

    /// <summary>The columns <see cref="AddedSpec"/> gives.</summary>
    public static readonly IReadOnlyList<FieldColumn> AddedColumns =
    [
        new("Volume", "TEXT", "numeric(8,3)", "decimal(8,3)", Nullable: true),
        new("Barcode", "TEXT", "character varying(13)", "nvarchar(13)", Nullable: true),
        new("Queue", "TEXT", "character varying(20)", "nvarchar(20)", Nullable: false),
    ];

    /// <summary>Unique indexes (name, column).</summary>
    public static readonly IReadOnlyList<(string Name, string Column)> UniqueIndexes =
        [("IX_Products_Barcode", "Barcode"), ("IX_Products_ExternalId", "ExternalId"), ("IX_Products_Sku", "Sku")];

    /// <summary>
    /// Plain (non-unique) indexes: the <c>:index</c> field, the two foreign keys, and the two every auditable table gets
    /// for the scopes of AuditableQueries (AuditIndexConvention). Columns are listed "A, B".
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Column)> PlainIndexes =
    [
        ("IX_Products_BuyerId", "BuyerId"), ("IX_Products_Code", "Code"), ("IX_Products_CreatedAt_Id", "CreatedAt, Id"),
        ("IX_Products_SupplierId", "SupplierId"), ("IX_Products_UpdatedAt", "UpdatedAt"),
    ];

    /// <summary>A Suppliers row as SQL literals (SQLite also needs its Version column; PostgreSQL uses xmin).</summary>
    public static IReadOnlyDictionary<string, string> SupplierRow(bool postgreSql) => WithBaseColumns(postgreSql, afterAddFields: false, new Dictionary<string, string>
    {
        ["Name"] = "'Acme'",
    });

    /// <summary>
    /// A valid Products row as SQL literals, the same text on SQLite and PostgreSQL (a quoted literal takes
    /// the column's type). Nullable fields are left out (NULL). <paramref name="afterAddFields"/> adds the
    /// required Queue column (its default is for the rows the migration found, not a lasting column
    /// default: SQLite rebuilds the table to add the CHECKs).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ValidRow(long supplierId, bool postgreSql, bool afterAddFields) => WithBaseColumns(postgreSql, afterAddFields, new Dictionary<string, string>
    {
        ["Sku"] = "'SKU-1'",
        ["Name"] = "'Widget'",
        ["Price"] = "9.99",
        ["Stock"] = "3",
        ["Rating"] = "4",
        ["Status"] = "'Active'",
        ["SupplierId"] = supplierId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Views"] = "10",
        ["Score"] = "1.5",
        ["IsFeatured"] = postgreSql ? "true" : "1",
        ["ExternalId"] = "'6f9619ff-8b86-d011-b42d-00c04fc964ff'",
        ["ContactEmail"] = "'buyer@example.com'",
        ["Code"] = "'C-1'",
        ["Channel"] = "'Web'",
    });

    /// <summary>
    /// <paramref name="row"/> with <paramref name="column"/> set to <paramref name="value"/>, as an INSERT INTO Products.
    /// </summary>
    public static string InsertProduct(IReadOnlyDictionary<string, string> row, string? column = null, string? value = null)
    {
        var values = new Dictionary<string, string>(row);
        if (column is not null)
        {
            values[column] = value!;
        }

        return Insert("Products", values);
    }

    /// <summary><c>INSERT INTO "table" ("A", "B") VALUES (a, b)</c>, the same on SQLite and PostgreSQL.</summary>
    public static string Insert(string table, IReadOnlyDictionary<string, string> values) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(column => $"\"{column}\""))}) VALUES ({string.Join(", ", values.Values)})";

    private static Dictionary<string, string> WithBaseColumns(bool postgreSql, bool afterAddFields, Dictionary<string, string> values)
    {
        if (afterAddFields)
        {
            values["Queue"] = "'General'";
        }

        values["CreatedAt"] = "'2025-01-01 00:00:00+00'";
        values["UpdatedAt"] = "'2025-01-01 00:00:00+00'";
        if (!postgreSql)
        {
            values["Version"] = "1";
        }

        return values;
    }

    /// <summary>
    /// Rows the database must refuse on its own (raw SQL, no validator): each replaces one value of
    /// <see cref="ValidRow"/>. Name, the column and the bad literal.
    /// </summary>
    public static readonly IReadOnlyList<(string Case, string Column, string Value)> BadRows =
    [
        ("Price below min(0)", "Price", "-0.01"),
        ("Stock below min(0)", "Stock", "-1"),
        ("Rating below min(1)", "Rating", "0"),
        ("Rating above max(5)", "Rating", "6"),
        ("Status not an enum member", "Status", "'Bogus'"),
        ("Sku longer than string{32}", "Sku", "'" + new string('x', 33) + "'"),
        ("Name NULL", "Name", "NULL"),
        ("SupplierId to no supplier", "SupplierId", "987654"),
    ];
}
