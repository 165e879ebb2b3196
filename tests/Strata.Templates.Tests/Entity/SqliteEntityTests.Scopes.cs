using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// Scopes for common queries (issue 12): the Queries files the scaffolder writes, the generated QueryIndexTests passing
/// for each scope on SQLite, and failing, naming the scope, once the index behind it is gone from the database.
/// </summary>
public sealed partial class SqliteEntityTests
{
    [Fact]
    public async Task Each_entity_with_an_indexed_field_or_a_reference_has_a_scope_for_each_in_its_Queries_class()
    {
        var shop = (await Fixture.GetAsync(Hive)).Shop;

        foreach (var command in EntityProjectFixture.Commands)
        {
            var path = Path.Combine(shop.ModelProjectDirectory, "Queries", $"{command.Name}Queries.cs");
            if (EntityScopes.ByEntity.TryGetValue(command.Name, out var scopes))
            {
                Assert.Equal(scopes, EntityScopes.Declared(shop.ReadModelFile($"Queries/{command.Name}Queries.cs")));
            }
            else
            {
                Assert.False(File.Exists(path), $"{command.CommandLine} has no indexed field or reference, yet wrote Queries/{command.Name}Queries.cs.");
            }
        }
    }

    [Fact]
    public async Task The_generated_index_and_translation_tests_pass_for_every_scope()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        EntityScopes.AssertEveryScopeAnsweredThroughAnIndex(run);
        EntityScopes.AssertEveryScopeTranslated(run);
    }

    [Fact]
    public async Task Without_the_index_behind_a_scope_the_generated_index_test_fails_naming_the_scope()
    {
        var shop = (await Fixture.GetAsync(Hive)).Shop;
        var copy = Path.Combine(Hive.CreateTempDirectory("entity-sqlite-dropped-index"), "Shop");
        CopyWithoutBuildOutput(shop.Root, copy);
        // A last migration drops the index of Code:index (ProductQueries.WhereCode) and the (CreatedAt, Id) index of
        // Customers (the shared scopes). Removing their CreateIndex from AddProduct would not do: on SQLite the add-fields
        // migration rebuilds Products and recreates every index of the model.
        File.WriteAllText(Path.Combine(copy, "src", "Shop", "Migrations", "29991231000000_DropScopeIndexes.cs"), $$"""
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace {{EntityShop.Name}}.Migrations;

            [DbContext(typeof({{EntityShop.DbContext}}))]
            [Migration("29991231000000_DropScopeIndexes")]
            public partial class DropScopeIndexes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Products_Code", table: "Products");
                    migrationBuilder.DropIndex(name: "IX_Customers_CreatedAt_Id", table: "Customers");
                }
            }
            """);

        var results = Hive.CreateTempDirectory("entity-sqlite-dropped-index-results");
        var process = await Hive.RunDotnetAsync(
            copy,
            ["test", "--nologo", "--filter", "FullyQualifiedName~QueryIndexTests", "--logger", "trx;LogFileName=scopes.trx", "--results-directory", results],
            EntityShop.LongTimeout,
            new Dictionary<string, string?> { [EntityShop.TestsConnectionStringVariable] = null });
        var run = GeneratedTestRun.Read(process, Path.Combine(results, "scopes.trx"));

        string[] expected =
        [
            "AuditableQueries.After<Customer>", "AuditableQueries.AfterId<Customer>", "AuditableQueries.CreatedBetween<Customer>", "AuditableQueries.CreatedSince<Customer>",
            "AuditableQueries.NewestFirst<Customer>", "AuditableQueries.Page<Customer>", "ProductQueries.WhereCode",
        ];
        Assert.True(run.Passed.Count > 0, run.Describe("Expected the index test to run and the other scopes to pass."));
        Assert.Equal(expected, run.Failed.Select(result => EntityScopes.ScopeOf(result) ?? result.Name).Order(StringComparer.Ordinal));
        foreach (var failure in run.Failed)
        {
            Assert.StartsWith($"{EntityScopes.ScopeOf(failure)} is not answered through an index of ", failure.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Copies the solution without bin and obj, so that the copy restores and builds on its own.</summary>
    private static void CopyWithoutBuildOutput(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from).Where(directory => Path.GetFileName(directory) is not ("bin" or "obj")))
        {
            CopyWithoutBuildOutput(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
