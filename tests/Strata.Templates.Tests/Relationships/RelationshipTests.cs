using System.Text.RegularExpressions;
using Strata.Templates.Tests.Diagrams;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Relationships;

/// <summary>
/// Issue 11's proof on every provider: a model with a self-reference, a one-to-one, a many-to-many, a self
/// many-to-many and a parent/child, made through the real engine, builds with warnings as errors, is formatted, has no
/// pending model changes, and its database (or SQL Server script) holds the keys, indexes and delete rules the
/// relationships promise. The provider classes add their catalog, the cascade-path cases and the generated tests.
/// </summary>
public abstract class RelationshipTests<TFixture>(TemplateHive hive, TFixture fixture) : IClassFixture<TFixture>
    where TFixture : RelationshipProjectFixture
{
    protected TemplateHive Hive { get; } = hive;

    protected TFixture Fixture { get; } = fixture;

    /// <summary>The catalog of the migrated database (or the parsed script).</summary>
    protected abstract Task<RelationshipCatalog> CatalogAsync();

    /// <summary>Every foreign key of the model with the delete rule the provider shows, sorted.</summary>
    protected abstract IReadOnlyList<string> ExpectedForeignKeys { get; }

    /// <summary>
    /// The generated project's own relationship tests (join entities, self-reference) passed by name: they cover the
    /// relationship kinds without test code per entity, so a skip or a rename must not pass unnoticed.
    /// </summary>
    protected static void AssertRelationshipTestsPassed(GeneratedTestRun run)
    {
        foreach (var test in new[] { "A_link_is_one_join_row_that_goes_with_either_end", "A_link_records_when_it_was_made", "A_self_reference_accepts_a_cycle_in_the_data" })
        {
            Assert.True(run.Passed.Any(result => result.Name.EndsWith("RelationshipTests." + test, StringComparison.Ordinal)), run.Describe($"RelationshipTests.{test} did not pass (skipped or missing)."));
        }
    }

    [SkippableFact]
    public async Task Docs_model_md_draws_every_relationship_kind_and_Mermaid_parses_it()
    {
        var path = await Fixture.DiagramAsync(Hive);
        var text = await File.ReadAllTextAsync(path);

        foreach (var table in RelationshipModel.Tables)
        {
            Assert.Contains($"    {table} {{\n", text);
        }

        // principal, crow's feet from the FK (optional |o, required ||; one-to-one o|, else o{), dependent.
        string[] relationships =
        [
            "Employees |o--o{ Employees : ",
            "Employees ||--o| Passports : ",
            "Employees ||--o{ Notes : ",
            "Playlists ||--o{ PlaylistProducts : ",
            "Products ||--o{ PlaylistProducts : ",
            "Products ||--o{ RelatedProducts : ",
        ];
        foreach (var relationship in relationships)
        {
            Assert.Contains("    " + relationship, text);
        }

        await MermaidParser.AssertParsesAsync(path);
    }

    [Fact]
    public async Task Every_command_exits_0_and_adds_its_migration()
    {
        var project = await Fixture.GetAsync(Hive);
        var problems = new List<string>();

        foreach (var (run, migration) in project.Runs.Zip(RelationshipModel.Migrations))
        {
            var added = run.Changes.Count(change => change.StartsWith("added src/Shop/Migrations/", StringComparison.Ordinal)
                && (change.EndsWith($"_{migration}.cs", StringComparison.Ordinal) || change.EndsWith($"_{migration}.Designer.cs", StringComparison.Ordinal)));
            if (!run.Result.Succeeded)
            {
                problems.Add(run.Describe("should exit 0"));
            }
            else if (added != (Fixture.MigrationPerCommand ? 2 : 0))
            {
                problems.Add(run.Describe(Fixture.MigrationPerCommand
                    ? $"should add Migrations/<id>_{migration}.cs and its designer file"
                    : "should add no migration (--skip-migration)"));
            }
        }

        problems.AddRange(project.OneMigration.Where(result => !result.Succeeded).Select(result => result.Describe()));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_solution_builds_with_warnings_as_errors()
    {
        var build = await Fixture.BuildAsync(Hive);

        Assert.True(build.Succeeded, build.Describe());
    }

    [Fact]
    public async Task The_migrations_cover_the_whole_model_so_ef_reports_no_pending_model_changes()
    {
        var pending = await Fixture.PendingModelChangesAsync(Hive);

        Assert.True(pending.Succeeded, $"dotnet ef migrations has-pending-model-changes found changes (or failed):\n{pending.Describe()}");
        Assert.Contains("No changes have been made to the model since the last migration", pending.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_join_entities_are_tables_named_by_the_plural_convention_and_nothing_else_was_added()
    {
        var catalog = await CatalogAsync();

        Assert.Equal(RelationshipModel.Tables, catalog.Tables.Keys.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("PlaylistProducts", "PlaylistId", "ProductId")]
    [InlineData("RelatedProducts", "ProductId", "RelatedId")]
    public async Task A_join_table_has_the_composite_key_an_index_on_its_second_key_and_a_NOT_NULL_CreatedAt(string table, string first, string second)
    {
        var catalog = await CatalogAsync();

        Assert.True(catalog.Tables.TryGetValue(table, out var join), $"No table {table}.\n{catalog.Describe()}");
        Assert.Equal([first, second], join.PrimaryKey);
        Assert.Equal(new[] { first, second, "CreatedAt" }.Order(StringComparer.Ordinal), join.NotNullByColumn.Keys.Order(StringComparer.Ordinal));
        Assert.True(join.NotNullByColumn["CreatedAt"], $"{table}.CreatedAt must be NOT NULL.");
        Assert.Equal([$"IX_{table}_{second} ON {table}({second})"], catalog.Indexes.Where(index => index.Table == table).Select(index => index.ToString()));
    }

    [SkippableFact]
    public async Task Every_foreign_key_has_the_delete_rule_of_its_relationship()
    {
        var catalog = await CatalogAsync();

        Assert.Equal(ExpectedForeignKeys, catalog.ForeignKeys.Select(key => key.ToString()));
    }

    [SkippableFact]
    public async Task The_one_to_one_key_has_a_unique_index()
    {
        var catalog = await CatalogAsync();

        Assert.Equal(
            ["UNIQUE IX_Passports_EmployeeId ON Passports(EmployeeId)"],
            catalog.Indexes.Where(index => index.Table == "Passports" && index.Columns.Contains("EmployeeId")).Select(index => index.ToString()));
        Assert.True(catalog.Tables["Passports"].NotNullByColumn["EmployeeId"], "Passports.EmployeeId (a required one-to-one) must be NOT NULL.");
    }

    [SkippableFact]
    public async Task The_self_reference_is_a_nullable_indexed_key_that_neither_cascades_nor_sets_null()
    {
        var catalog = await CatalogAsync();

        Assert.False(catalog.Tables["Employees"].NotNullByColumn["ManagerId"], "Employees.ManagerId must be nullable: the first employee has no manager.");
        Assert.Contains(catalog.Indexes, index => index.ToString() == "IX_Employees_ManagerId ON Employees(ManagerId)");
        var key = Assert.Single(catalog.ForeignKeys, key => key is { Table: "Employees", Column: "ManagerId" });
        Assert.Equal("Employees", key.ReferencedTable);
        Assert.DoesNotContain(key.OnDelete, new[] { "CASCADE", "SET NULL" });
    }

    [SkippableFact]
    public async Task Every_foreign_key_column_leads_an_index()
    {
        var catalog = await CatalogAsync();

        Assert.True(catalog.UnindexedForeignKeys.Count == 0, $"Foreign keys without an index:\n  {string.Join("\n  ", catalog.UnindexedForeignKeys)}\n{catalog.Describe()}");
        Assert.Equal(7, catalog.ForeignKeys.Count);
    }

    [Fact]
    public async Task Each_relationship_kind_writes_its_navigations_on_both_classes_and_join_entities_get_no_DbSet_or_validator()
    {
        var employee = await Fixture.ReadCodeAsync(Hive, "Entities/Employee.cs");
        var product = await Fixture.ReadCodeAsync(Hive, "Entities/Product.cs");
        var passport = await Fixture.ReadCodeAsync(Hive, "Entities/Passport.cs");
        var playlist = await Fixture.ReadCodeAsync(Hive, "Entities/Playlist.cs");
        var code = await Fixture.CodeAsync(Hive);

        // Self-reference: the key, the reference and the inverse collection on the same class.
        Assert.Matches(@"public \w+\? ManagerId \{ get; set; \}", employee);
        Assert.Contains("public Employee? Manager { get; set; }", employee, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Employee> Reports { get; } = [];", employee, StringComparison.Ordinal);
        // One-to-one: a reference (not a collection) on the target; parent/child: the children.
        Assert.Contains("public Employee Employee { get; set; } = null!;", passport, StringComparison.Ordinal);
        Assert.Contains("public Passport? Passport { get; set; }", employee, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Note> Notes { get; } = [];", employee, StringComparison.Ordinal);
        // Many-to-many: skip navigations on both sides; the self many-to-many has no inverse.
        Assert.Contains("public ICollection<Product> Products { get; } = [];", playlist, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Playlist> Playlists { get; } = [];", product, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Product> Related { get; } = [];", product, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(product, @"ICollection<Product>"));

        foreach (var join in new[] { "PlaylistProduct", "RelatedProduct" })
        {
            Assert.True(File.Exists(Path.Combine(code, "Entities", join + ".cs")), $"No Entities/{join}.cs");
            Assert.True(File.Exists(Path.Combine(code, "Configurations", join + "Configuration.cs")), $"No Configurations/{join}Configuration.cs");
            Assert.False(File.Exists(Path.Combine(code, "Validators", join + "Validator.cs")), $"A join entity needs no validator: Validators/{join}Validator.cs");
            Assert.False(File.Exists(Path.Combine(code, "DbSets", $"ShopDbContext.{join}s.cs")), $"A join entity is reached through its ends, not a DbSet: DbSets/ShopDbContext.{join}s.cs");
        }

        Assert.Matches(@"\.HasOne\((\w+) => \1\.Employee\)\s*\.WithOne\((\w+) => \2\.Passport\)", await Fixture.ReadCodeAsync(Hive, "Configurations/PassportConfiguration.cs"));
        Assert.Matches(@"\.UsingEntity<PlaylistProduct>\(", await Fixture.ReadCodeAsync(Hive, "Configurations/PlaylistConfiguration.cs"));
        Assert.Matches(@"\.UsingEntity<RelatedProduct>\(", await Fixture.ReadCodeAsync(Hive, "Configurations/ProductConfiguration.cs"));
    }

    [Fact]
    public async Task The_relationship_code_and_migrations_match_the_approved_snapshot()
    {
        SnapshotAssert.MatchesDirectory(await Fixture.CodeAsync(Hive), Fixture.SnapshotName);
    }

    [Fact]
    public async Task Remove_with_skip_migration_undoes_what_the_cascade_cases_added_and_leaves_the_solution_as_it_was()
    {
        var cascade = (await Fixture.GetAsync(Hive)).Cascade;

        var failed = cascade.Setup.Concat(cascade.Undo).Where(run => !run.Result.Succeeded).Select(run => run.Describe("should exit 0")).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.True(
            cascade.ChangesAfterUndo.Count == 0,
            $"After removing what the cascade cases added, the solution differs from before them: {string.Join(", ", cascade.ChangesAfterUndo)}\n"
            + string.Join("\n", cascade.Undo.Select(run => run.Describe("undo step"))));
    }

    /// <summary>The lines starting with <c>error:</c> in a run's output.</summary>
    protected static IReadOnlyList<string> ErrorLines(CommandRun run) =>
        [.. run.Result.Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith("error:", StringComparison.Ordinal))];

    /// <summary>Asserts the provider accepted a model SQL Server refuses: exit 0 and the entity's files written.</summary>
    protected static void AssertAccepted(CommandRun run, string entity)
    {
        Assert.True(run.Result.Succeeded, run.Describe("SQL Server's cascade-path rule must not refuse this model on this provider"));
        Assert.Contains($"Entities/{entity}.cs", run.Changes.Select(change => change.Replace("added src/Shop/", "", StringComparison.Ordinal)));
    }
}
