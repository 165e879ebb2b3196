using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// A <c>dotnet new modelproject -n Shop --no-sample</c> solution that entity tests add entities to,
/// and the CLI commands they run on it. Unlike <see cref="GeneratedProject"/> nothing here is
/// cached: the fixtures decide what runs once and in which order.
/// </summary>
public sealed class EntityShop
{
    /// <summary>The <c>-n</c> of the model project: also its root namespace and folder.</summary>
    public const string Name = "Shop";

    /// <summary>The DbContext <c>modelproject -n Shop</c> generates.</summary>
    public const string DbContext = "ShopDbContext";

    /// <summary>
    /// <c>dotnet new entity</c> builds the project and runs <c>dotnet ef migrations add</c>: well over
    /// a minute on a loaded machine, so more than <see cref="TemplateHive.DefaultTimeout"/>.
    /// </summary>
    public static readonly TimeSpan EntityTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Builds and test runs of the whole solution.</summary>
    public static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Variables the generated project reads; cleared for every command unless a test sets them.</summary>
    private static readonly Dictionary<string, string?> IsolatedEnvironment = new()
    {
        [$"ConnectionStrings__{Name}"] = null,
        [$"ConnectionStrings__{Name}Tests"] = null,
    };

    private readonly TemplateHive _hive;

    private EntityShop(TemplateHive hive, string root, string database, ProcessResult creation)
    {
        _hive = hive;
        Root = root;
        Database = database;
        Creation = creation;
    }

    /// <summary>The folder holding the .slnx.</summary>
    public string Root { get; }

    /// <summary>The <c>--database</c> value.</summary>
    public string Database { get; }

    /// <summary>The <c>dotnet new modelproject</c> run.</summary>
    public ProcessResult Creation { get; }

    /// <summary><c>src/Shop</c>: where <c>dotnet new entity</c> and <c>dotnet ef</c> run.</summary>
    public string ModelProjectDirectory => Path.Combine(Root, "src", Name);

    /// <summary>The variable the generated tests read for a server.</summary>
    public static string TestsConnectionStringVariable => $"ConnectionStrings__{Name}Tests";

    /// <summary>
    /// <c>dotnet new modelproject -n Shop --no-sample --database &lt;database&gt; &lt;options&gt;</c> in a new empty folder;
    /// fails the calling test with the output unless it worked. Its post-actions have restored the tools and built the
    /// model project (for its initial migration); the test project is not restored yet.
    /// </summary>
    public static async Task<EntityShop> CreateAsync(TemplateHive hive, string database, params string[] options)
    {
        var workingDirectory = hive.CreateTempDirectory($"entity-{database.ToLowerInvariant()}");
        // --allow-scripts yes: the post-actions restore the tools and write the initial migration (dotnet strata init).
        var creation = await hive.RunDotnetNewAsync(workingDirectory, EntityTimeout, ["modelproject", "-n", Name, "--no-sample", "--database", database, .. options, "--allow-scripts", "yes"]);
        Assert.True(creation.Succeeded, $"dotnet new modelproject failed:\n{creation.Describe()}");
        var root = Path.Combine(workingDirectory, Name);
        Assert.True(Directory.Exists(Path.Combine(root, "src", Name)), $"dotnet new modelproject created no src/{Name} in {root}:\n{creation.Describe()}");
        return new EntityShop(hive, root, database, creation);
    }

    /// <summary>
    /// <c>dotnet tool restore --add-source &lt;package folder&gt;</c> (dotnet-strata, which the post-action runs, and
    /// dotnet-ef), then <c>dotnet restore</c> (the capability constraint reads obj/project.assets.json).
    /// </summary>
    public async Task RestoreAsync()
    {
        var tools = await _hive.RestoreToolsAsync(Root, IsolatedEnvironment);
        Assert.True(tools.Succeeded, $"dotnet tool restore failed:\n{tools.Describe()}");
        var restore = await RunAsync(Root, ["restore", "--nologo"]);
        Assert.True(restore.Succeeded, $"dotnet restore failed:\n{restore.Describe()}");
    }

    /// <summary><c>dotnet new entity &lt;arguments&gt; --allow-scripts yes</c> in the model project's folder.</summary>
    public Task<ProcessResult> NewEntityAsync(params string[] arguments) => NewEntityInAsync(ModelProjectDirectory, arguments);

    /// <summary><c>dotnet new entity &lt;arguments&gt; --allow-scripts yes</c> in <paramref name="workingDirectory"/>.</summary>
    public Task<ProcessResult> NewEntityInAsync(string workingDirectory, params string[] arguments) =>
        _hive.RunDotnetNewAsync(workingDirectory, EntityTimeout, ["entity", .. arguments, "--allow-scripts", "yes"]);

    /// <summary><c>dotnet strata &lt;arguments&gt;</c> in the model project's folder (the tool from the local manifest).</summary>
    public Task<ProcessResult> StrataAsync(params string[] arguments) => StrataInAsync(ModelProjectDirectory, arguments);

    /// <summary><c>dotnet strata &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    public Task<ProcessResult> StrataInAsync(string workingDirectory, params string[] arguments) => RunAsync(workingDirectory, ["strata", .. arguments], EntityTimeout);

    /// <summary><c>dotnet build -warnaserror</c> of the whole solution (the model project and its tests).</summary>
    public Task<ProcessResult> BuildAsync() => RunAsync(Root, ["build", "-warnaserror", "--nologo"], LongTimeout);

    /// <summary>
    /// <c>dotnet format --verify-no-changes --no-restore</c> of the solution: run it after a build, which restored it (a second
    /// restore would only repeat that work).
    /// </summary>
    public Task<ProcessResult> FormatAsync() => RunAsync(Root, ["format", "--verify-no-changes", "--no-restore"], LongTimeout);

    /// <summary><c>dotnet ef &lt;arguments&gt; --no-build</c> in the model project, from the local tool manifest.</summary>
    public Task<ProcessResult> EfAsync(params string[] arguments) =>
        RunAsync(ModelProjectDirectory, ["tool", "run", "dotnet-ef", "--", .. arguments, "--no-build"]);

    /// <summary><c>dotnet ef &lt;arguments&gt;</c> in the model project, building it first (as a user would after adding code).</summary>
    public Task<ProcessResult> EfWithBuildAsync(params string[] arguments) =>
        RunAsync(ModelProjectDirectory, ["tool", "run", "dotnet-ef", "--", .. arguments], LongTimeout);

    /// <summary><c>dotnet test --no-build</c> of the solution with a TRX report (build it first).</summary>
    public async Task<GeneratedTestRun> TestAsync(string resultsDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var run = await RunAsync(
            Root,
            ["test", "--no-build", "--nologo", "--logger", "trx;LogFileName=generated-tests.trx", "--results-directory", resultsDirectory],
            LongTimeout,
            environment);
        return GeneratedTestRun.Read(run, Path.Combine(resultsDirectory, "generated-tests.trx"));
    }

    /// <summary>The migration files (<c>Migrations/&lt;id&gt;_&lt;migration&gt;.cs</c>, without the designer files) named <paramref name="migration"/>.</summary>
    public IReadOnlyList<string> MigrationFiles(string migration) =>
        Directory.Exists(MigrationsDirectory)
            ? [.. Directory.GetFiles(MigrationsDirectory, $"*_{migration}.cs").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The designer files of migration <paramref name="migration"/>.</summary>
    public IReadOnlyList<string> MigrationDesignerFiles(string migration) =>
        Directory.Exists(MigrationsDirectory)
            ? [.. Directory.GetFiles(MigrationsDirectory, $"*_{migration}.Designer.cs").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every file under Migrations/, for failure messages.</summary>
    public string ListMigrations() =>
        Directory.Exists(MigrationsDirectory)
            ? string.Join(", ", Directory.GetFiles(MigrationsDirectory).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal))
            : "(no Migrations folder)";

    /// <summary>Reads a file of the model project (path relative to src/Shop, '/'-separated).</summary>
    public string ReadModelFile(string relativePath)
    {
        var path = Path.Combine(ModelProjectDirectory, relativePath);
        Assert.True(File.Exists(path), $"src/{Name}/{relativePath} does not exist.");
        return File.ReadAllText(path);
    }

    private string MigrationsDirectory => Path.Combine(ModelProjectDirectory, "Migrations");

    private Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var merged = new Dictionary<string, string?>(IsolatedEnvironment);
        foreach (var (variable, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[variable] = value;
        }

        return _hive.RunDotnetAsync(workingDirectory, arguments, timeout ?? Dotnet.DefaultTimeout, merged);
    }
}
