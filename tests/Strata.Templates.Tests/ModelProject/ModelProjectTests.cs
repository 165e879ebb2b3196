using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// What every generated model project must satisfy, whatever its provider and options: the approved
/// files, a clean build with warnings as errors, formatted code, and a shipped migration that
/// matches the model. Each derived class runs these on its own instantiation.
/// </summary>
public abstract class ModelProjectTests<TFixture>(TemplateHive hive, TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>
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

        SnapshotAssert.MatchesDirectory(project.PristineCopy, Fixture.SnapshotName);
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
    public async Task The_shipped_migration_matches_the_model()
    {
        var pending = await Fixture.PendingModelChangesAsync(Hive);

        Output.WriteLine($"dotnet ef migrations has-pending-model-changes: {pending.Duration.TotalSeconds:F1} s");
        Assert.True(
            pending.Succeeded && pending.StandardOutput.Contains("No changes have been made to the model since the last migration", StringComparison.Ordinal),
            "The template's initial migration no longer matches its model (run build/regenerate-migrations.sh):\n" + pending.Describe());
    }
}
