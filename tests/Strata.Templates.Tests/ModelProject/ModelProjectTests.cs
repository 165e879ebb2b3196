using System.Text.RegularExpressions;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// What every generated model project must satisfy, whatever its provider and options: the approved
/// files, a clean build with warnings as errors, formatted code, and an initial migration, written by
/// EF Core at instantiation, that matches the model. Each derived class runs these on its own instantiation.
/// </summary>
public abstract partial class ModelProjectTests<TFixture>(TemplateHive hive, TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>
    where TFixture : ModelProjectFixture
{
    protected TemplateHive Hive { get; } = hive;

    protected TFixture Fixture { get; } = fixture;

    /// <summary>Where tests note timings and counts (shown with the test result).</summary>
    protected ITestOutputHelper Output { get; } = output;

    protected Task<GeneratedProject> ProjectAsync() => Fixture.GetAsync(Hive);

    [Fact]
    public async Task Dotnet_new_writes_exactly_the_approved_files()
    {
        var project = await ProjectAsync();
        Output.WriteLine($"dotnet new modelproject: {project.Creation.Duration.TotalSeconds:F1} s");

        SnapshotAssert.MatchesDirectory(WithoutMigrationTimestamp(project), Fixture.SnapshotName);
    }

    [Fact]
    public async Task Dotnet_strata_init_wrote_the_initial_migration_and_the_diagram_while_dotnet_new_ran()
    {
        var project = await ProjectAsync();
        var id = project.InitialMigrationId;

        Assert.Contains("Running command 'dotnet strata init'", project.Creation.Output, StringComparison.Ordinal);
        Assert.Equal(
            [$"{id}.Designer.cs", $"{id}.cs", $"{project.Identifier}DbContextModelSnapshot.cs"],
            project.CreatedFiles().Where(path => path.StartsWith($"src/{project.Name}/Migrations/", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"[Migration(\"{id}\")]", project.ReadCreatedFile($"src/{project.Name}/Migrations/{id}.Designer.cs"), StringComparison.Ordinal);
        Assert.Contains("erDiagram", project.ReadCreatedFile("docs/model.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_generated_file_or_path_still_mentions_the_template_source_name()
    {
        var project = await ProjectAsync();

        var leftovers = project.CreatedFiles()
            .Where(path => path.Contains("Contoso", StringComparison.OrdinalIgnoreCase)
                || project.ReadCreatedFile(path).Contains("Contoso", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(leftovers.Count == 0, $"These generated files still say 'Contoso' (sourceName not replaced):\n  {string.Join("\n  ", leftovers)}");
    }

    [Fact]
    public async Task The_local_tool_manifest_restores_dotnet_ef()
    {
        var project = await ProjectAsync();

        var restore = await project.ToolRestoreAsync();

        Output.WriteLine($"dotnet tool restore: {restore.Duration.TotalSeconds:F1} s");
        Assert.True(restore.Succeeded && restore.StandardOutput.Contains("dotnet-ef", StringComparison.Ordinal), restore.Describe());
    }

    [Fact]
    public async Task The_solution_builds_with_warnings_as_errors()
    {
        var project = await ProjectAsync();

        var build = await project.BuildAsync();

        Output.WriteLine($"dotnet build: {build.Duration.TotalSeconds:F1} s");
        Assert.True(build.Succeeded, build.Describe());
    }

    [Fact]
    public async Task Dotnet_format_finds_nothing_to_change()
    {
        var project = await ProjectAsync();

        var format = await project.FormatAsync();

        Output.WriteLine($"dotnet format: {format.Duration.TotalSeconds:F1} s");
        Assert.True(format.Succeeded, $"dotnet format --verify-no-changes wants to change the generated code:\n{format.Describe()}");
    }

    [Fact]
    public async Task The_initial_migration_matches_the_model()
    {
        var pending = await Fixture.PendingModelChangesAsync(Hive);

        Output.WriteLine($"dotnet ef migrations has-pending-model-changes: {pending.Duration.TotalSeconds:F1} s");
        Assert.True(
            pending.Succeeded && pending.StandardOutput.Contains("No changes have been made to the model since the last migration", StringComparison.Ordinal),
            "The initial migration dotnet strata init wrote does not match the model:\n" + pending.Describe());
    }

    /// <summary>
    /// A copy of what dotnet new wrote with the initial migration's timestamp (in its file names and its id) replaced
    /// by <c>yyyyMMddHHmmss</c>: EF Core stamps the migration with the time it was made, which no snapshot can hold.
    /// </summary>
    private string WithoutMigrationTimestamp(GeneratedProject project)
    {
        var copy = Hive.CreateTempDirectory($"{Fixture.SnapshotName}-normalized");
        foreach (var relativePath in project.CreatedFiles())
        {
            var target = Path.Combine(copy, MigrationTimestamp().Replace(relativePath, "yyyyMMddHHmmss_InitialCreate"));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var source = Path.Combine(project.PristineCopy, relativePath);
            if (relativePath.EndsWith(".cs", StringComparison.Ordinal))
            {
                File.WriteAllText(target, MigrationTimestamp().Replace(File.ReadAllText(source), "yyyyMMddHHmmss_InitialCreate"));
            }
            else
            {
                File.Copy(source, target);
            }
        }

        return copy;
    }

    [GeneratedRegex(@"\b[0-9]{14}_InitialCreate\b")]
    private static partial Regex MigrationTimestamp();
}
