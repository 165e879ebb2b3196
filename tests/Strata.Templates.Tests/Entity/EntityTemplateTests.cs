using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// What <c>dotnet new entity</c> and <c>dotnet strata add-fields</c> must give on every provider: each
/// command succeeds and adds its files and its migration; the solution then builds with warnings as
/// errors, is formatted, has no pending model changes, and the generated code matches the approved snapshot.
/// </summary>
public abstract class EntityTemplateTests<TFixture>(TemplateHive hive, TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EntityProjectFixture
{
    /// <summary>The folders the entity template writes to (besides Migrations, written by dotnet ef).</summary>
    private static readonly string[] TemplateFolders = ["Entities", "Configurations", "Validators", "DbSets"];

    protected TemplateHive Hive { get; } = hive;

    protected TFixture Fixture { get; } = fixture;

    protected Task<EntityProject> ProjectAsync() => Fixture.GetAsync(Hive);

    [Theory]
    [InlineData("Customer")]
    [InlineData("Order")]
    [InlineData("OrderLine")]
    [InlineData("Category")]
    [InlineData("Person")]
    [InlineData("Supplier")]
    [InlineData("Product")]
    public async Task Dotnet_new_entity_exits_0_and_adds_the_four_code_files_and_one_Add_migration(string entityName)
    {
        var project = await ProjectAsync();
        var command = EntityProjectFixture.Commands.Single(command => command.Name == entityName);
        var run = project.Runs[entityName];
        var shop = project.Shop;

        Assert.True(run.Succeeded, $"`{command.CommandLine}` should exit 0:\n{run.Describe()}");
        var missing = command.CodeFiles.Where(file => !File.Exists(Path.Combine(shop.ModelProjectDirectory, file))).ToList();
        Assert.True(missing.Count == 0, $"`{command.CommandLine}` did not write: {string.Join(", ", missing)}\n{run.Describe()}");
        Assert.True(
            shop.MigrationFiles(command.Migration).Count == 1 && shop.MigrationDesignerFiles(command.Migration).Count == 1,
            $"Expected exactly one Migrations/<id>_{command.Migration}.cs and its .Designer.cs; Migrations/ holds: {shop.ListMigrations()}\n{run.Describe()}");
        Assert.Contains($"Added {entityName} and the migration {command.Migration}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_migration_id_sorts_after_the_one_before_it_so_they_apply_in_command_order()
    {
        var shop = (await ProjectAsync()).Shop;

        var ids = EntityProjectFixture.Commands.Select(command => shop.MigrationFiles(command.Migration).SingleOrDefault() ?? $"(no {command.Migration})").ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Add_fields_exits_0_adds_one_migration_named_after_the_fields_and_keeps_every_line_the_entity_had()
    {
        var project = await ProjectAsync();
        var shop = project.Shop;
        var entity = shop.ReadModelFile("Entities/Product.cs");

        Assert.True(project.AddFields.Succeeded, $"`dotnet strata add-fields Product \"{ProductFields.AddedSpec}\"` should exit 0:\n{project.AddFields.Describe()}");
        Assert.True(
            shop.MigrationFiles(ProductFields.AddedMigration).Count == 1,
            $"Expected one Migrations/<id>_{ProductFields.AddedMigration}.cs; Migrations/ holds: {shop.ListMigrations()}\n{project.AddFields.Describe()}");
        var missing = ProductFields.Columns.Concat(ProductFields.AddedColumns)
            .Select(column => column.Column)
            .Where(property => !entity.Contains($" {property} {{ get; set; }}", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, $"Entities/Product.cs lacks these properties after add-fields: {string.Join(", ", missing)}\n{entity}");
    }

    [Fact]
    public async Task Entities_created_without_fields_declare_no_property_of_their_own_beyond_their_relationship()
    {
        var shop = (await ProjectAsync()).Shop;

        var placeholders = EntityProjectFixture.EntitiesWithoutFields
            .Where(name => shop.ReadModelFile($"Entities/{name}.cs").Contains("public required string Name", StringComparison.Ordinal))
            .ToList();

        Assert.True(placeholders.Count == 0, $"These entities still get the old placeholder Name property: {string.Join(", ", placeholders)}");
        Assert.DoesNotContain("{ get; set; }", shop.ReadModelFile("Entities/Category.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_gets_the_inverse_collection_and_the_child_configuration_names_it_in_WithMany()
    {
        var shop = (await ProjectAsync()).Shop;

        Assert.Contains("public ICollection<Order> Orders { get; } = [];", shop.ReadModelFile("Entities/Customer.cs"), StringComparison.Ordinal);
        Assert.Contains("public ICollection<OrderLine> OrderLines { get; } = [];", shop.ReadModelFile("Entities/Order.cs"), StringComparison.Ordinal);
        Assert.Matches(@"\.WithMany\((\w+) => \1\.Orders\)", shop.ReadModelFile("Configurations/OrderConfiguration.cs"));
    }

    [Fact]
    public async Task A_reference_field_adds_the_inverse_collection_on_its_target()
    {
        var shop = (await ProjectAsync()).Shop;

        Assert.Contains("public ICollection<Product> Products { get; } = [];", shop.ReadModelFile("Entities/Supplier.cs"), StringComparison.Ordinal);
        Assert.Contains("public ICollection<Product>", shop.ReadModelFile("Entities/Customer.cs"), StringComparison.Ordinal);
        var configuration = shop.ReadModelFile("Configurations/ProductConfiguration.cs");
        Assert.Matches(@"\.WithMany\((\w+) => \1\.Products\)", configuration);
        Assert.Contains("DeleteBehavior.SetNull", configuration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_solution_builds_with_warnings_as_errors_after_the_entities_and_add_fields()
    {
        var build = await Fixture.BuildAsync(Hive);

        Assert.True(build.Succeeded, build.Describe());
    }

    [Fact]
    public async Task Dotnet_format_finds_nothing_to_change_in_the_generated_code()
    {
        var format = await Fixture.FormatAsync(Hive);

        Assert.True(format.Succeeded, $"dotnet format --verify-no-changes wants to change generated code:\n{format.Describe()}");
    }

    [Fact]
    public async Task The_migrations_cover_the_whole_model_so_ef_reports_no_pending_model_changes()
    {
        var pending = await Fixture.PendingModelChangesAsync(Hive);

        Assert.True(pending.Succeeded, $"dotnet ef migrations has-pending-model-changes found changes (or failed):\n{pending.Describe()}");
        Assert.Contains("No changes have been made to the model since the last migration", pending.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_entity_files_and_Add_migrations_match_the_approved_snapshot()
    {
        var shop = (await ProjectAsync()).Shop;
        var normalized = Hive.CreateTempDirectory($"{Fixture.SnapshotName}-normalized");

        foreach (var folder in TemplateFolders)
        {
            CopyDirectory(Path.Combine(shop.ModelProjectDirectory, folder), Path.Combine(normalized, folder));
        }

        // The scopes dotnet strata writes for each entity (issue 12); AuditableQueries and PageCursor are the model project's.
        foreach (var command in EntityProjectFixture.Commands)
        {
            var queries = Path.Combine(shop.ModelProjectDirectory, "Queries", $"{command.Name}Queries.cs");
            if (File.Exists(queries))
            {
                Directory.CreateDirectory(Path.Combine(normalized, "Queries"));
                File.Copy(queries, Path.Combine(normalized, "Queries", Path.GetFileName(queries)));
            }
        }

        // Migration ids start with a timestamp: keep the Add* migrations (not their designer files,
        // whose [Migration] attribute repeats the id) under the name without it.
        var migrations = Path.Combine(shop.ModelProjectDirectory, "Migrations");
        Directory.CreateDirectory(Path.Combine(normalized, "Migrations"));
        foreach (var file in Directory.GetFiles(migrations))
        {
            if (EntityProjectFixture.AddMigrationName(Path.GetFileName(file)) is { } name)
            {
                File.Copy(file, Path.Combine(normalized, "Migrations", name + ".cs"));
            }
        }

        SnapshotAssert.MatchesDirectory(normalized, Fixture.SnapshotName);
    }

    [Fact]
    public async Task Person_gets_the_irregular_plural_People_for_its_DbSet_and_table()
    {
        var shop = (await ProjectAsync()).Shop;

        var dbSet = shop.ReadModelFile($"DbSets/{EntityShop.DbContext}.People.cs");

        Assert.Contains("public DbSet<Person> People => Set<Person>();", dbSet, StringComparison.Ordinal);
        var migration = Path.Combine(shop.ModelProjectDirectory, "Migrations", shop.MigrationFiles("AddPerson").Single());
        Assert.Contains("name: \"People\"", File.ReadAllText(migration), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_has_a_required_CustomerId_configured_to_cascade_deletes()
    {
        var shop = (await ProjectAsync()).Shop;

        var entity = shop.ReadModelFile("Entities/Order.cs");
        var configuration = shop.ReadModelFile("Configurations/OrderConfiguration.cs");

        Assert.Contains("public int CustomerId { get; set; }", entity, StringComparison.Ordinal);
        Assert.Contains("public Customer Customer { get; set; } = null!;", entity, StringComparison.Ordinal);
        Assert.Contains(".HasForeignKey(order => order.CustomerId)", configuration, StringComparison.Ordinal);
        Assert.Contains(".HasOne(order => order.Customer)", configuration, StringComparison.Ordinal);
        Assert.Contains(".OnDelete(DeleteBehavior.Cascade);", configuration, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string source, string destination)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
