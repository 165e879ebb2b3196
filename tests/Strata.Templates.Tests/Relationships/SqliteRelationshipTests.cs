using Microsoft.Data.Sqlite;
using Strata.Templates.Tests.Entity;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Relationships;

/// <summary>
/// One <c>dotnet strata remove</c> that should succeed, and <c>dotnet ef migrations has-pending-model-changes</c> after
/// it, which builds the model project first (TreatWarningsAsErrors is on in every generated project).
/// </summary>
public sealed record RemoveStep(CommandRun Run, ProcessResult PendingModelChanges);

/// <summary>
/// The remove sequence on the SQLite relationship project: Employee refused (Note and Passport refer to it), Product
/// refused (Playlist's many-to-many), Note (the latest: its migration removed), Passport (older: a drop migration),
/// Employee (the parent, after its child Note: a drop migration); then a database migrated after Note's removal, with
/// rows in it, is updated through both drops, and the solution is built with warnings as errors and its tests run.
/// </summary>
public sealed record RemoveSequence(
    CommandRun EmployeeStillReferenced,
    CommandRun ProductStillReferenced,
    RemoveStep Note,
    RemoveStep Passport,
    RemoveStep Employee,
    ProcessResult? UpdateThroughTheDrops,
    string DatabaseFailure,
    IReadOnlyList<string> TablesAfterTheDrops,
    IReadOnlyList<string?> LinksAfterTheDrops,
    ProcessResult Build,
    GeneratedTestRun? GeneratedTests);

/// <summary>The SQLite relationship project, migrated into a new file; at the end, the remove sequence.</summary>
public sealed class SqliteRelationshipFixture(IMessageSink diagnostics) : RelationshipProjectFixture(diagnostics, "Sqlite", "relationships-sqlite", migrationPerCommand: true)
{
    private Lazy<Task<string>>? _migratedDatabase;
    private Lazy<Task<RelationshipCatalog>>? _catalog;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;
    private Lazy<Task<RemoveSequence>>? _removeSequence;

    public Task<string> MigratedDatabaseAsync(TemplateHive hive) =>
        Once(ref _migratedDatabase, async () =>
        {
            var path = Path.Combine(hive.CreateTempDirectory("relationships-sqlite-database"), "Shop.db");
            var update = await EfAfterBuildAsync(hive, "database", "update", "--connection", $"Data Source={path}");
            Assert.True(update.Succeeded && File.Exists(path), $"dotnet ef database update did not create {path}:\n{update.Describe()}");
            return path;
        });

    public Task<RelationshipCatalog> CatalogAsync(TemplateHive hive) =>
        Once(ref _catalog, async () => await RelationshipCatalog.ReadSqliteAsync(await MigratedDatabaseAsync(hive)));

    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));

    /// <summary>The remove sequence, after every step that reads the project as the commands left it.</summary>
    public Task<RemoveSequence> RemoveSequenceAsync(TemplateHive hive) =>
        Once(ref _removeSequence, async () =>
        {
            await AfterReadingStepsAsync(hive, () => FormatAsync(hive), () => MigratedDatabaseAsync(hive), () => CatalogAsync(hive), () => GeneratedTestsAsync(hive));
            var shop = (await GetAsync(hive)).Shop;

            var employeeReferenced = await RunAsync(shop, Remove("Employee"));
            var productReferenced = await RunAsync(shop, Remove("Product"));
            var note = await RemoveAndCheckAsync(shop, "Note");

            // A database as a user's would be after Note's removal, with rows in the tables the drops remove and in those they keep.
            var path = Path.Combine(hive.CreateTempDirectory("relationships-sqlite-removal"), "Shop.db");
            var failure = "";
            var prepare = await shop.EfAsync("database", "update", "--connection", $"Data Source={path}");
            if (prepare.Succeeded)
            {
                await using var database = await SqliteDatabase.OpenAsync(path, writable: true);
                await database.ExecuteAsync(RelationshipRows.Insert("Employees", postgreSql: false, ("Name", "'Ada'")));
                await database.ExecuteAsync(RelationshipRows.Insert("Passports", postgreSql: false, ("Number", "'P-1'"), ("EmployeeId", "1")));
                await database.ExecuteAsync(RelationshipRows.Insert("Products", postgreSql: false, ("Name", "'Lamp'")));
                await database.ExecuteAsync(RelationshipRows.Insert("Playlists", postgreSql: false, ("Name", "'Lights'")));
                await database.ExecuteAsync(RelationshipRows.Insert("PlaylistProducts", postgreSql: false, ("PlaylistId", "1"), ("ProductId", "1")));
            }
            else
            {
                failure = $"Migrating a database after Note's removal failed:\n{prepare.Describe()}";
            }

            var passport = await RemoveAndCheckAsync(shop, "Passport");
            var employee = await RemoveAndCheckAsync(shop, "Employee");

            ProcessResult? update = null;
            IReadOnlyList<string> tables = [];
            IReadOnlyList<string?> links = [];
            if (prepare.Succeeded)
            {
                update = await TimedAsync("dotnet ef database update (through the drops)", () => shop.EfAsync("database", "update", "--connection", $"Data Source={path}"));
                await using var database = await SqliteDatabase.OpenAsync(path);
                tables = SqliteDatabase.ModelTables(await database.TablesAsync());
                links = await database.TextColumnAsync(
                    "SELECT l.\"Name\" || ' has ' || p.\"Name\" FROM \"PlaylistProducts\" j JOIN \"Playlists\" l ON l.\"Id\" = j.\"PlaylistId\" JOIN \"Products\" p ON p.\"Id\" = j.\"ProductId\"");
            }

            var build = await TimedAsync("dotnet build -warnaserror (after the remove sequence)", shop.BuildAsync);
            var tests = build.Succeeded ? await TimedTestsAsync(hive, shop) : null;
            return new RemoveSequence(employeeReferenced, productReferenced, note, passport, employee, update, failure, tables, links, build, tests);
        });

    private static ModelCommand Remove(string entity) => ModelCommand.Strata("remove", entity);

    private async Task<RemoveStep> RemoveAndCheckAsync(EntityShop shop, string entity)
    {
        var run = await RunAsync(shop, Remove(entity));
        var pending = await TimedAsync($"dotnet ef migrations has-pending-model-changes (builds; after remove {entity})", () => shop.EfWithBuildAsync("migrations", "has-pending-model-changes"));
        return new RemoveStep(run, pending);
    }

    private async Task<GeneratedTestRun> TimedTestsAsync(TemplateHive hive, EntityShop shop)
    {
        var run = await shop.TestAsync(hive.CreateTempDirectory("relationships-sqlite-after-remove-test-results"));
        Log($"dotnet test (after the remove sequence): {run.Process.Duration.TotalSeconds:F1} s");
        return run;
    }
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqliteRelationshipTests(TemplateHive hive, SqliteRelationshipFixture fixture)
    : RelationshipTests<SqliteRelationshipFixture>(hive, fixture)
{
    protected override IReadOnlyList<string> ExpectedForeignKeys =>
    [
        "Employees.ManagerId -> Employees ON DELETE RESTRICT",
        "Notes.EmployeeId -> Employees ON DELETE CASCADE",
        "Passports.EmployeeId -> Employees ON DELETE RESTRICT",
        "PlaylistProducts.PlaylistId -> Playlists ON DELETE CASCADE",
        "PlaylistProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.RelatedId -> Products ON DELETE CASCADE",
    ];

    protected override Task<RelationshipCatalog> CatalogAsync() => Fixture.CatalogAsync(Hive);

    [Fact]
    public async Task Dotnet_format_finds_nothing_to_change()
    {
        var format = await Fixture.FormatAsync(Hive);

        Assert.True(format.Succeeded, $"dotnet format --verify-no-changes wants to change generated code:\n{format.Describe()}");
    }

    [Fact]
    public async Task The_database_refuses_to_delete_a_manager_who_still_has_reports_and_accepts_a_cycle_so_no_row_dangles()
    {
        var copy = Path.Combine(Hive.CreateTempDirectory("relationships-sqlite-raw-sql"), "Shop.db");
        File.Copy(await Fixture.MigratedDatabaseAsync(Hive), copy);
        await using var database = await SqliteDatabase.OpenAsync(copy, writable: true);
        await database.ExecuteAsync(RelationshipRows.Insert("Employees", postgreSql: false, ("Name", "'Ada'")));
        await database.ExecuteAsync(RelationshipRows.Insert("Employees", postgreSql: false, ("Name", "'Bob'"), ("ManagerId", "1")));

        var refused = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteAsync("DELETE FROM \"Employees\" WHERE \"Id\" = 1"));

        Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT (FOREIGN KEY)
        Assert.Equal(1, await database.ExecuteAsync("UPDATE \"Employees\" SET \"ManagerId\" = 2 WHERE \"Id\" = 1"));
        Assert.Equal(["1 -> 2", "2 -> 1"], await database.TextColumnAsync("SELECT \"Id\" || ' -> ' || \"ManagerId\" FROM \"Employees\" ORDER BY \"Id\""));
    }

    [Fact]
    public async Task The_cascade_cycle_and_the_two_cascade_paths_SQL_Server_refuses_are_accepted_on_SQLite()
    {
        var cascade = (await Fixture.GetAsync(Hive)).Cascade;

        AssertAccepted(cascade.Cycle, "Chain");
        AssertAccepted(cascade.TwoPaths, "Review");
    }

    [Fact]
    public async Task The_generated_tests_pass_and_their_relationship_tests_ran_on_the_join_entities_and_the_self_reference()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("On SQLite every generated test must run, unless it does not apply."));
        AssertRelationshipTestsPassed(run);
    }

    [Fact]
    public async Task Remove_refuses_an_entity_others_still_reference_naming_them_and_changes_nothing()
    {
        var sequence = await Fixture.RemoveSequenceAsync(Hive);

        foreach (var (run, expected) in new[]
        {
            (sequence.EmployeeStillReferenced, "error: Employee is still referenced by Note.Employee, Passport.Employee; remove those first"),
            // Not PlaylistProduct.Product: the join class is not something to remove (it failed so before the fix).
            (sequence.ProductStillReferenced, "error: Product is still referenced by Playlist (a many-to-many); remove those first"),
        })
        {
            Assert.True(run.Result.ExitCode == 2, run.Describe("Expected exit 2 (bad input)."));
            Assert.True(ErrorLines(run) is [var line] && line.StartsWith(expected, StringComparison.Ordinal), run.Describe($"Expected one line starting `{expected}`."));
            Assert.True(run.Changes.Count == 0, run.Describe("Expected nothing changed."));
        }
    }

    [Fact]
    public async Task Removing_the_latest_entity_removes_its_files_its_navigations_and_its_migration()
    {
        var sequence = await Fixture.RemoveSequenceAsync(Hive);
        var step = sequence.Note;

        AssertRemoved(step, "Note", "Removed Note and its migration AddNote.");
        Assert.Contains("changed src/Shop/Entities/Employee.cs", step.Run.Changes); // its Notes collection
        Assert.DoesNotContain(step.Run.Changes, change => change.StartsWith("added", StringComparison.Ordinal) && !change.EndsWith("model.md", StringComparison.Ordinal));
        Assert.Equal(2, step.Run.Changes.Count(change => change.StartsWith("removed src/Shop/Migrations/", StringComparison.Ordinal) && change.Contains("_AddNote.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Removing_an_older_entity_adds_a_migration_that_drops_its_table()
    {
        var sequence = await Fixture.RemoveSequenceAsync(Hive);

        AssertRemoved(sequence.Passport, "Passport", "Removed Passport and added the migration RemovePassport, which drops its table.");
        Assert.Contains("changed src/Shop/Entities/Employee.cs", sequence.Passport.Run.Changes); // its Passport reference
        Assert.Contains(sequence.Passport.Run.Changes, change => change.StartsWith("added src/Shop/Migrations/", StringComparison.Ordinal) && change.EndsWith("_RemovePassport.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parent_is_removed_after_its_child_and_the_drop_migrations_apply_to_a_database_holding_rows()
    {
        var sequence = await Fixture.RemoveSequenceAsync(Hive);

        AssertRemoved(sequence.Employee, "Employee", "Removed Employee and added the migration RemoveEmployee, which drops its table.");
        Assert.True(sequence.DatabaseFailure.Length == 0, sequence.DatabaseFailure);
        Assert.True(sequence.UpdateThroughTheDrops is { Succeeded: true }, sequence.UpdateThroughTheDrops?.Describe());
        Assert.Equal(["PlaylistProducts", "Playlists", "Products", "RelatedProducts"], sequence.TablesAfterTheDrops);
        Assert.Equal(["Lights has Lamp"], sequence.LinksAfterTheDrops);
    }

    [Fact]
    public async Task After_the_remove_sequence_the_generated_tests_pass()
    {
        var sequence = await Fixture.RemoveSequenceAsync(Hive);

        Assert.True(sequence.Build.Succeeded, $"After the remove sequence the solution must build with warnings as errors:\n{sequence.Build.Describe()}");
        Assert.NotNull(sequence.GeneratedTests);
        sequence.GeneratedTests.AssertPassed(minimumPassed: 25);
        Assert.True(sequence.GeneratedTests.SkippedExceptNotApplicable.Count == 0, sequence.GeneratedTests.Describe("On SQLite every generated test must run, unless it does not apply."));
    }

    private static void AssertRemoved(RemoveStep step, string entity, string summary)
    {
        Assert.True(step.Run.Result.Succeeded, step.Run.Describe("should exit 0"));
        Assert.Contains(summary, step.Run.Result.StandardOutput, StringComparison.Ordinal);
        foreach (var file in new[] { $"Entities/{entity}.cs", $"Configurations/{entity}Configuration.cs", $"Validators/{entity}Validator.cs", $"DbSets/{EntityShop.DbContext}.{entity}s.cs" })
        {
            Assert.Contains($"removed src/Shop/{file}", step.Run.Changes);
        }

        Assert.True(
            step.PendingModelChanges.Succeeded && step.PendingModelChanges.Output.Contains("No changes have been made to the model since the last migration", StringComparison.Ordinal),
            $"After `dotnet strata remove {entity}` the model project must build (warnings are errors) and ef must report no pending model changes:\n{step.PendingModelChanges.Describe()}");
    }
}
