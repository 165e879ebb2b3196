using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// <c>dotnet new modelproject -n Shop --database SqlServer --audit-user --soft-delete</c>. No SQL Server runs here, so the
/// migration is checked as the SQL that <c>dotnet ef migrations script</c> writes, parsed by
/// Microsoft's T-SQL parser (ScriptDom).
/// </summary>
public sealed class SqlServerShopFixture() : ModelProjectFixture("Shop", "Shop", "modelproject-sqlserver-audituser-softdelete", "--database", "SqlServer", "--audit-user", "--soft-delete")
{
    /// <summary>The text of <c>dotnet ef migrations script</c> (with <c>--idempotent</c> when asked), run once each.</summary>
    public async Task<string> ScriptAsync(TemplateHive hive, bool idempotent) => await (await GetAsync(hive)).MigrationScriptAsync(idempotent);

    /// <summary>The generated tests without a server (the database tests skip), run once.</summary>
    public async Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => await (await GetAsync(hive)).GeneratedTestsAsync();
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqlServerModelProjectTests(TemplateHive hive, SqlServerShopFixture fixture, ITestOutputHelper output)
    : ModelProjectTests<SqlServerShopFixture>(hive, fixture, output)
{
    private const int MinimumGeneratedTestsPassed = 25;

    [Theory]
    [InlineData(false, 160)]
    [InlineData(true, 160)]
    [InlineData(false, 180)]
    [InlineData(true, 180)]
    public async Task The_migration_script_parses_without_errors(bool idempotent, int parserVersion)
    {
        var text = await Fixture.ScriptAsync(Hive, idempotent);

        var script = SqlServerScript.Parse(text, CreateParser(parserVersion));

        Assert.True(
            script.Errors.Count == 0,
            $"TSql{parserVersion}Parser found {script.Errors.Count} errors in the {(idempotent ? "idempotent " : "")}script:\n{script.DescribeErrors()}");
        Assert.Contains("__EFMigrationsHistory", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_idempotent_script_applies_the_initial_migration_only_when_it_is_missing()
    {
        var script = SqlServerScript.Parse(await Fixture.ScriptAsync(Hive, idempotent: true), CreateParser(160));
        var id = (await ProjectAsync()).InitialMigrationId.ToLowerInvariant();

        var guards = new List<string>();
        script.Fragment.Accept(new IfStatementCollector(guards));

        Assert.Contains(guards, guard => guard.Contains($"notexists(select*from__efmigrationshistorywheremigrationid=n'{id}')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_script_creates_the_Suppliers_and_Products_tables()
    {
        var script = await ParsedScriptAsync();

        Assert.Equal(["Products", "Suppliers", "__EFMigrationsHistory"], script.Tables.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Suppliers", "Name", "nvarchar(200) NOT NULL")]
    [InlineData("Suppliers", "Code", "nvarchar(20) NOT NULL")]
    [InlineData("Products", "Sku", "nvarchar(32) NOT NULL")]
    [InlineData("Products", "Name", "nvarchar(200) NOT NULL")]
    [InlineData("Products", "Description", "nvarchar(2000) NULL")]
    [InlineData("Products", "Status", "nvarchar(50) NOT NULL")]
    [InlineData("Products", "Price", "decimal(18,2) NOT NULL")]
    [InlineData("Products", "QuantityInStock", "int NOT NULL")]
    [InlineData("Products", "SupplierId", "int NOT NULL")]
    public async Task Columns_have_their_intended_types_and_nullability(string table, string column, string expected)
    {
        var script = await ParsedScriptAsync();

        var found = Column(script, table, column);

        Assert.Equal(expected, $"{found.Type} {(found.NotNull ? "NOT NULL" : "NULL")}");
    }

    [Fact]
    public async Task Every_table_has_an_identity_key_datetime2_audit_columns_and_a_rowversion()
    {
        var script = await ParsedScriptAsync();
        var problems = new List<string>();

        foreach (var table in ModelTables(script))
        {
            Expect(table, "Id", "int NOT NULL IDENTITY");
            Expect(table, "CreatedAt", "datetime2 NOT NULL");
            Expect(table, "UpdatedAt", "datetime2 NOT NULL");
            Expect(table, "Version", "rowversion NOT NULL");
            if (table.PrimaryKey is not ["Id"])
            {
                problems.Add($"{table.Name}: primary key ({string.Join(", ", table.PrimaryKey)}), expected (Id)");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void Expect(SqlServerTable table, string column, string expected)
        {
            var actual = table.Columns.SingleOrDefault(candidate => candidate.Name == column);
            var text = actual is null ? "missing" : $"{actual.Type} {(actual.NotNull ? "NOT NULL" : "NULL")}{(actual.Identity ? " IDENTITY" : "")}";
            if (text != expected)
            {
                problems.Add($"{table.Name}.{column}: {text}, expected {expected}");
            }
        }
    }

    [Fact]
    public async Task No_string_column_is_nvarchar_max()
    {
        var script = await ParsedScriptAsync();

        var unbounded = ModelTables(script)
            .SelectMany(table => table.Columns.Select(column => (table, column)))
            .Where(pair => pair.column.Type.EndsWith("(max)", StringComparison.Ordinal) || pair.column.Type is "text" or "ntext")
            .Select(pair => $"{pair.table.Name}.{pair.column}")
            .ToList();

        Assert.True(unbounded.Count == 0, $"Unbounded string columns:\n  {string.Join("\n  ", unbounded)}");
    }

    [Fact]
    public async Task Products_reference_Suppliers_with_ON_DELETE_NO_ACTION_which_is_what_EF_emits_for_Restrict()
    {
        var script = await ParsedScriptAsync();

        var foreignKey = Assert.Single(script.Tables["Products"].ForeignKeys);

        // SQL Server has no RESTRICT: EF Core writes DeleteBehavior.Restrict as NO ACTION, which
        // refuses the delete in the same way (checked at the end of the statement).
        Assert.Equal(
            "FK_Products_Suppliers_SupplierId: (SupplierId) -> Suppliers(Id) ON DELETE NoAction",
            foreignKey.ToString());
    }

    [Fact]
    public async Task Every_foreign_key_is_covered_by_an_index_on_its_columns()
    {
        var script = await ParsedScriptAsync();

        var unindexed = ModelTables(script)
            .SelectMany(table => table.ForeignKeys.Select(foreignKey => (table, foreignKey)))
            .Where(pair => !script.Indexes.Any(index =>
                index.Table == pair.table.Name && index.Columns.Take(pair.foreignKey.Columns.Count).SequenceEqual(pair.foreignKey.Columns)))
            .Select(pair => $"{pair.table.Name}: {pair.foreignKey}")
            .ToList();

        Assert.True(unindexed.Count == 0, $"Foreign keys without an index leading with their columns:\n  {string.Join("\n  ", unindexed)}\nIndexes: {string.Join("; ", script.Indexes)}");
        Assert.Contains(script.Indexes, index => index.ToString() == "IX_Products_SupplierId ON Products(SupplierId)");
    }

    [Theory]
    [InlineData("IX_Suppliers_Code ON Suppliers(Code) WHERE deletedatisnull")]
    [InlineData("IX_Products_Sku ON Products(Sku) WHERE deletedatisnull")]
    public async Task Natural_keys_have_unique_indexes_over_the_live_rows(string expectedIndex)
    {
        var script = await ParsedScriptAsync();

        Assert.True(
            script.Indexes.Any(index => index.ToString() == "UNIQUE " + expectedIndex),
            $"Expected UNIQUE {expectedIndex}; the script creates: {string.Join("; ", script.Indexes)}");
    }

    [Theory]
    [InlineData("CK_Products_Price_NonNegative", "price>=0")]
    [InlineData("CK_Products_QuantityInStock_NonNegative", "quantityinstock>=0")]
    [InlineData("CK_Products_Status_Enum", "statusin('draft','active','discontinued')")]
    public async Task Value_rules_are_CHECK_constraints_on_Products(string constraint, string expectedCondition)
    {
        var script = await ParsedScriptAsync();

        var checks = script.Tables["Products"].CheckConstraints;

        Assert.True(checks.TryGetValue(constraint, out var condition), $"No CHECK constraint {constraint}; found: {string.Join(", ", checks.Keys)}");
        Assert.Equal(expectedCondition, condition);
    }

    [Fact]
    public async Task The_generated_tests_pass_with_only_the_database_tests_skipped()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);
        var project = await ProjectAsync();

        run.AssertPassed(MinimumGeneratedTestsPassed, Output);
        var unexpectedSkips = run.SkippedExceptNotApplicable.Where(result => !result.Message.Contains(project.TestsConnectionStringVariable, StringComparison.Ordinal)).ToList();
        Assert.True(unexpectedSkips.Count == 0, run.Describe($"Only the database tests may skip, saying to set {project.TestsConnectionStringVariable}."));
    }

    [Fact]
    public async Task The_SQL_Server_error_classification_tests_run_and_pass()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        var classification = run.Results.Where(result => result.Name.Contains("SqlServerErrorClassification", StringComparison.Ordinal)).ToList();

        Assert.True(
            classification.Count > 0 && classification.All(result => result.Outcome == "Passed"),
            run.Describe($"Expected SqlServerErrorClassificationTests to run and pass; found {classification.Count} such results."));
    }

    private async Task<SqlServerScript> ParsedScriptAsync()
    {
        var script = SqlServerScript.Parse(await Fixture.ScriptAsync(Hive, idempotent: false), CreateParser(160));
        Assert.True(script.Errors.Count == 0, $"The script does not parse:\n{script.DescribeErrors()}");
        return script;
    }

    private static SqlServerColumn Column(SqlServerScript script, string table, string column)
    {
        Assert.True(script.Tables.TryGetValue(table, out var found), $"The script creates no table {table}; it creates: {string.Join(", ", script.Tables.Keys)}");
        return found.Columns.SingleOrDefault(candidate => candidate.Name == column)
            ?? throw new Xunit.Sdk.XunitException($"{table} has no column {column}: {found}");
    }

    private static IEnumerable<SqlServerTable> ModelTables(SqlServerScript script) =>
        script.Tables.Values.Where(table => !table.Name.StartsWith("__EF", StringComparison.Ordinal));

    /// <summary>TSql160Parser is SQL Server 2022 (EF Core's default target); TSql180Parser the newest this ScriptDom ships.</summary>
    private static TSqlParser CreateParser(int version) => version switch
    {
        160 => new TSql160Parser(initialQuotedIdentifiers: true),
        180 => new TSql180Parser(initialQuotedIdentifiers: true),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Use 160 or 180."),
    };

    private sealed class IfStatementCollector(List<string> predicates) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(IfStatement node)
        {
            predicates.Add(SqlServerScript.Normalize(node.Predicate));
            base.ExplicitVisit(node);
        }
    }
}
