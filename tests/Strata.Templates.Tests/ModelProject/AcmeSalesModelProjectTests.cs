using System.Text.RegularExpressions;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// <c>dotnet new modelproject -n Acme.Sales --database Sqlite --no-sample --audit-user</c>: a dotted
/// name (folders, namespaces, the derived identifier) with both non-default options.
/// </summary>
public sealed class AcmeSalesFixture() : ModelProjectFixture(
    "Acme.Sales", "AcmeSales", "modelproject-sqlite-nosample-audituser", "--database", "Sqlite", "--no-sample", "--audit-user")
{
    public async Task<string> MigratedDatabaseAsync(TemplateHive hive) => await (await GetAsync(hive)).MigratedSqliteDatabaseAsync();

    public async Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => await (await GetAsync(hive)).GeneratedTestsAsync();
}

[Collection(TemplateHiveCollection.Name)]
public sealed partial class AcmeSalesModelProjectTests(TemplateHive hive, AcmeSalesFixture fixture, ITestOutputHelper output)
    : ModelProjectTests<AcmeSalesFixture>(hive, fixture, output)
{
    /// <summary>What the generated tests say when they skip because the model has no entity yet.</summary>
    private const string NoEntitiesSkipReason = "The model has no entities yet";

    [Theory]
    [InlineData("Acme.Sales.slnx")]
    [InlineData("src/Acme.Sales/Acme.Sales.csproj")]
    [InlineData("src/Acme.Sales/AcmeSalesDbContext.cs")]
    [InlineData("tests/Acme.Sales.Tests/Acme.Sales.Tests.csproj")]
    public async Task Folders_and_files_are_named_after_the_project_name(string expectedPath)
    {
        var project = await ProjectAsync();

        Assert.Contains(expectedPath, project.CreatedFiles());
    }

    [Fact]
    public async Task The_solution_lists_both_projects_under_their_new_paths()
    {
        var project = await ProjectAsync();

        var solution = project.ReadCreatedFile("Acme.Sales.slnx");

        Assert.Contains("\"src/Acme.Sales/Acme.Sales.csproj\"", solution, StringComparison.Ordinal);
        Assert.Contains("\"tests/Acme.Sales.Tests/Acme.Sales.Tests.csproj\"", solution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_project_references_the_model_project_by_its_relative_path()
    {
        var project = await ProjectAsync();

        var testProject = project.ReadCreatedFile("tests/Acme.Sales.Tests/Acme.Sales.Tests.csproj");

        Assert.Contains(@"<ProjectReference Include=""..\..\src\Acme.Sales\Acme.Sales.csproj"" />", testProject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_DbContext_is_the_dotted_name_as_one_identifier_AcmeSalesDbContext()
    {
        var project = await ProjectAsync();

        var context = project.ReadCreatedFile("src/Acme.Sales/AcmeSalesDbContext.cs");

        Assert.Contains("public partial class AcmeSalesDbContext : DbContext", context, StringComparison.Ordinal);
        Assert.Contains("public AcmeSalesDbContext(DbContextOptions<AcmeSalesDbContext> options)", context, StringComparison.Ordinal);
        Assert.Contains("public const string ConnectionStringName = \"AcmeSales\";", context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_CSharp_file_declares_a_namespace_under_Acme_Sales()
    {
        var project = await ProjectAsync();
        var wrong = new List<string>();

        foreach (var path in project.CreatedFiles().Where(path => path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var expectedRoot = path.StartsWith("tests/", StringComparison.Ordinal) ? "Acme.Sales.Tests" : "Acme.Sales";
            var match = NamespaceDeclaration().Match(project.ReadCreatedFile(path));
            var ns = match.Success ? match.Groups[1].Value : "(none)";
            if (ns != expectedRoot && !ns.StartsWith(expectedRoot + ".", StringComparison.Ordinal))
            {
                wrong.Add($"{path}: namespace {ns}");
            }
        }

        Assert.True(wrong.Count == 0, $"Files whose namespace is not under Acme.Sales(.Tests):\n  {string.Join("\n  ", wrong)}");
    }

    [Fact]
    public async Task No_sample_leaves_out_every_sample_entity_file()
    {
        var project = await ProjectAsync();

        var sampleFiles = project.CreatedFiles()
            .Where(path => path.Contains("Supplier", StringComparison.Ordinal) || path.Contains("Product", StringComparison.Ordinal) || path.Contains("Address", StringComparison.Ordinal))
            .ToList();

        Assert.True(sampleFiles.Count == 0, $"--no-sample still generated:\n  {string.Join("\n  ", sampleFiles)}");
    }

    [Theory]
    [InlineData("src/Acme.Sales/Common/ICurrentUser.cs")]
    [InlineData("src/Acme.Sales/Common/AnonymousUser.cs")]
    public async Task Audit_user_adds_the_current_user_abstraction(string expectedPath)
    {
        var project = await ProjectAsync();

        Assert.Contains(expectedPath, project.CreatedFiles());
    }

    [Fact]
    public async Task Database_update_applies_the_empty_initial_migration()
    {
        await using var database = await SqliteDatabase.OpenAsync(await Fixture.MigratedDatabaseAsync(Hive));

        var tables = await database.TablesAsync();

        Assert.Contains("__EFMigrationsHistory", tables);
        Assert.Empty(SqliteDatabase.ModelTables(tables));
    }

    [Fact]
    public async Task The_generated_tests_pass_and_skip_only_for_lack_of_entities()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 1, Output);
        var otherSkips = run.SkippedExceptNotApplicable.Where(result => !result.Message.Contains(NoEntitiesSkipReason, StringComparison.Ordinal)).ToList();
        Assert.True(otherSkips.Count == 0, run.Describe($"On SQLite a generated test may only skip because \"{NoEntitiesSkipReason}\"."));
    }

    [GeneratedRegex(@"^namespace\s+([A-Za-z0-9_.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
