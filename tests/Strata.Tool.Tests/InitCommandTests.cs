using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>
/// <c>dotnet strata init</c>'s checks before it builds: which project it initialises and its refusals, each with
/// nothing written. (Its build and dotnet ef, and their failures, run through the real engine in the template tests.)
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private string SolutionFolder => Path.GetDirectoryName(_project.Directory)!;

    [Fact]
    public void A_project_that_has_migrations_is_refused_naming_one_and_the_fix_and_nothing_is_written()
    {
        _project.Write("Migrations/20260101000000_InitialCreate.cs", "// a migration\n");
        _project.Write("Migrations/20260101000000_InitialCreate.Designer.cs", "// its designer file\n");
        var before = _project.Hash();

        var error = Assert.Throws<InputException>(() => InitCommand.Run(null, _project.Directory));

        Assert.Equal(
            "Shop already has migrations (Migrations/20260101000000_InitialCreate.cs and 1 more); init only writes a new project's first one. "
            + "Add a migration for later changes with dotnet ef migrations add <Name>, or delete the Migrations folder to start again from an initial migration.",
            error.Message);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void From_the_solution_folder_it_finds_the_model_project_below()
    {
        _project.Write("Migrations/20260101000000_InitialCreate.cs", "// a migration\n");

        // The refusal names the project: init looked in the solution folder's subfolders and found it.
        var error = Assert.Throws<InputException>(() => InitCommand.Run(null, SolutionFolder));

        Assert.StartsWith("Shop already has migrations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_model_projects_below_are_refused_naming_both_and_the_project_option()
    {
        using var other = new FakeModelProject(rootNamespace: "Billing");
        var folder = Path.Combine(SolutionFolder, "src");
        CopyProjectFile(_project.Directory, Path.Combine(folder, "Shop"));
        CopyProjectFile(other.Directory, Path.Combine(folder, "Billing"));

        var error = Assert.Throws<InputException>(() => InitCommand.Run(null, folder));

        Assert.Equal($"2 model projects below {folder} (Billing/Billing.csproj, Shop/Shop.csproj); pass the one to initialise with --project <folder>.", error.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, "Shop", "Migrations")));
    }

    [Fact]
    public void Outside_a_model_project_the_error_says_where_to_run_it()
    {
        var empty = Directory.CreateTempSubdirectory("strata-init-").FullName;
        try
        {
            var error = Assert.Throws<InputException>(() => InitCommand.Run(null, empty));

            Assert.Contains("no Strata model project", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static void CopyProjectFile(string projectDirectory, string destination)
    {
        Directory.CreateDirectory(destination);
        var file = Directory.GetFiles(projectDirectory, "*.csproj").Single();
        File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
    }
}
