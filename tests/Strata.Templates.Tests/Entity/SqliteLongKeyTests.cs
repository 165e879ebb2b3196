using System.Text.RegularExpressions;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary><c>modelproject -n Shop --no-sample --database Sqlite --id-type long</c> plus <see cref="IdTypeProof.Commands"/>.</summary>
public sealed class SqliteLongKeyFixture(IMessageSink diagnostics) : EntityProjectFixture(diagnostics, "Sqlite", "entity-sqlite-long-keys")
{
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    protected override IReadOnlyList<EntityCommand> EntityCommands => IdTypeProof.Commands;

    protected override IReadOnlyList<string> ModelProjectOptions => ["--id-type", "long"];

    protected override (string Entity, string Specs) AddedFields => ("Supplier", "Rating:int:default(3)");

    /// <summary>The generated tests (SQLite: every database test runs), run once.</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));
}

/// <summary><c>--id-type long</c> on SQLite: every key and foreign key the template and the scaffolder write is a <c>long</c>.</summary>
[Collection(TemplateHiveCollection.Name)]
public sealed partial class SqliteLongKeyTests(TemplateHive hive, SqliteLongKeyFixture fixture) : IClassFixture<SqliteLongKeyFixture>
{
    [Fact]
    public async Task Every_command_succeeds_and_the_solution_builds_formats_and_has_no_pending_model_changes()
    {
        await fixture.AssertCommandsBuildFormatAndMatchTheModelAsync(hive);
    }

    [Fact]
    public async Task Keys_and_every_foreign_key_the_scaffolder_wrote_are_long()
    {
        var shop = (await fixture.GetAsync(hive)).Shop;

        Assert.Contains("public long Id { get; private set; }", shop.ReadModelFile("Common/BaseEntity.cs"), StringComparison.Ordinal);
        Assert.Contains("<StrataIdType>long</StrataIdType>", shop.ReadModelFile("Shop.csproj"), StringComparison.Ordinal);
        var orderLine = shop.ReadModelFile("Entities/OrderLine.cs");
        Assert.Contains("public long OrderId { get; set; }", orderLine, StringComparison.Ordinal);
        Assert.Contains("public long SupplierId { get; set; }", orderLine, StringComparison.Ordinal);
        var join = shop.ReadModelFile("Entities/OrderSupplier.cs");
        Assert.Contains("public long OrderId { get; set; }", join, StringComparison.Ordinal);
        Assert.Contains("public long SupplierId { get; set; }", join, StringComparison.Ordinal);

        // In every migration, each key and foreign key column is a long (SQLite INTEGER).
        var columns = shop.MigrationFiles("AddSupplier").Concat(shop.MigrationFiles("AddOrder")).Concat(shop.MigrationFiles("AddOrderLine"))
            .SelectMany(file => KeyColumn().Matches(shop.ReadModelFile($"Migrations/{file}")))
            .Select(match => $"{match.Groups["name"].Value}: {match.Groups["type"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Id: long", "OrderId: long", "SupplierId: long"], columns);
    }

    [Fact]
    public async Task The_generated_tests_pass_with_none_skipped_and_cover_every_entity()
    {
        var run = await fixture.GeneratedTestsAsync(hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("On SQLite every generated test must run, unless it does not apply to its entity."));
        IdTypeProof.CoversEveryEntity(run, "KeyOrderTests.New_rows_land_at_the_end_of_the_key_index_in_insert_order");
    }

    [Fact]
    public async Task An_unknown_id_type_gets_the_engines_choice_error_and_nothing_is_written()
    {
        var workingDirectory = hive.CreateTempDirectory("id-type-uuid");

        var result = await hive.RunDotnetNewAsync(workingDirectory, "modelproject", "-n", "Shop", "--id-type", "uuid");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("'uuid' is not a valid value for --id-type", result.Output, StringComparison.Ordinal);
        Assert.Contains("guid", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    // `Id = table.Column<long>(` / `SupplierId = table.Column<long>(` in a CreateTable.
    [GeneratedRegex(@"(?<name>\b(Id|OrderId|SupplierId)) = table\.Column<(?<type>[A-Za-z]+)>\(")]
    private static partial Regex KeyColumn();
}
