using Npgsql;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject.Matrix;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// One project created by the real <c>dotnet new modelproject</c>, plus the CLI steps tests run on
/// it. Each step runs at most once and its result is shared (a build costs ~25 s), so the tests of
/// one class can run in any order: a step waits for the steps it needs, and fails with their
/// output when one of them failed.
/// </summary>
public sealed class GeneratedProject
{
    /// <summary>Variables the generated project reads; cleared for every command unless a test sets them.</summary>
    private readonly Dictionary<string, string?> _isolatedEnvironment;

    private readonly Lazy<Task<ProcessResult>> _toolRestore;
    private readonly Lazy<Task<ProcessResult>> _build;
    private readonly Lazy<Task<ProcessResult>> _format;
    private readonly Lazy<Task<ProcessResult>> _pendingModelChanges;
    private readonly Lazy<Task<string>> _migratedSqliteDatabase;
    private readonly Lazy<Task<TemporaryDatabase>> _migratedPostgresDatabase;
    private readonly Lazy<Task<string>> _script;
    private readonly Lazy<Task<string>> _idempotentScript;
    private readonly Lazy<Task<GeneratedTestRun>> _generatedTests;

    private readonly TemplateHive _hive;

    private GeneratedProject(TemplateHive hive, string name, string identifier, OptionRow options, string root, string pristineCopy, ProcessResult creation)
    {
        _hive = hive;
        Name = name;
        Identifier = identifier;
        Options = options;
        Root = root;
        PristineCopy = pristineCopy;
        Creation = creation;
        _isolatedEnvironment = new Dictionary<string, string?>
        {
            [DesignTimeConnectionStringVariable] = null,
            [TestsConnectionStringVariable] = null,
        };
        _toolRestore = new(() => hive.RestoreToolsAsync(Root, _isolatedEnvironment));
        _build = new(() => hive.RunDotnetAsync(Root, ["build", "-warnaserror", "--nologo"], environment: _isolatedEnvironment));
        _format = new(FormatAfterBuildAsync);
        _pendingModelChanges = new(() => EfAsync("migrations", "has-pending-model-changes"));
        _migratedSqliteDatabase = new(() => SqliteDatabase.UpdateAsync(hive, Task.FromResult(this)));
        _migratedPostgresDatabase = new(MigratePostgresDatabaseAsync);
        _script = new(() => WriteScriptAsync());
        _idempotentScript = new(() => WriteScriptAsync("--idempotent"));
        _generatedTests = new(RunGeneratedTestsAsync);
    }

    /// <summary>The <c>-n</c> value, e.g. <c>Acme.Sales</c>.</summary>
    public string Name { get; }

    /// <summary>The C# identifier the template derives from the name, e.g. <c>AcmeSales</c>.</summary>
    public string Identifier { get; }

    /// <summary>The options it was created with (every option of the matrix, defaults included).</summary>
    public OptionRow Options { get; }

    /// <summary>The folder dotnet new created (holding the .slnx); restore and build write into it.</summary>
    public string Root { get; }

    /// <summary>A copy of <see cref="Root"/> taken right after dotnet new: exactly what the user got, bin/ and obj/ aside.</summary>
    public string PristineCopy { get; }

    /// <summary>The <c>dotnet new</c> run that created the project.</summary>
    public ProcessResult Creation { get; }

    /// <summary>
    /// The id of the initial migration <c>dotnet strata init</c> wrote at instantiation (<c>&lt;timestamp&gt;_InitialCreate</c>,
    /// from its file name).
    /// </summary>
    public string InitialMigrationId
    {
        get
        {
            var folder = Path.Combine(PristineCopy, "src", Name, "Migrations");
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*_InitialCreate.cs") : [];
            Assert.True(files.Length == 1, $"Expected one src/{Name}/Migrations/<timestamp>_InitialCreate.cs from dotnet strata init, found: {string.Join(", ", CreatedFiles())}");
            return Path.GetFileNameWithoutExtension(files[0]);
        }
    }

    /// <summary><c>src/&lt;Name&gt;</c>: the model library, where <c>dotnet ef</c> runs.</summary>
    public string ModelProjectDirectory => Path.Combine(Root, "src", Name);

    /// <summary>The variable the design-time factory reads: <c>ConnectionStrings__&lt;Identifier&gt;</c>.</summary>
    public string DesignTimeConnectionStringVariable => $"ConnectionStrings__{Identifier}";

    /// <summary>The variable the generated tests read for a server: <c>ConnectionStrings__&lt;Identifier&gt;Tests</c>.</summary>
    public string TestsConnectionStringVariable => $"ConnectionStrings__{Identifier}Tests";

    /// <summary>
    /// <c>dotnet new modelproject</c> with its post-actions: tool restore, then <c>dotnet strata init</c> (a build and
    /// <c>dotnet ef migrations add InitialCreate</c>), so well over the engine's default limit on a loaded machine.
    /// </summary>
    public static readonly TimeSpan CreationTimeout = TimeSpan.FromMinutes(6);

    /// <summary>
    /// The project <c>dotnet new modelproject -n &lt;name&gt; &lt;options&gt;</c> creates, made once per test run: every
    /// test class (and the option matrix) that asks for the same name and options gets the same instantiation, and
    /// shares its steps (build, dotnet ef, migration, generated tests), each run once.
    /// </summary>
    public static Task<GeneratedProject> SharedAsync(TemplateHive hive, string name, string identifier, IReadOnlyList<string> options) =>
        hive.OnceAsync($"modelproject -n {name} {OptionRow.Parse(options).Key}", () => CreateAsync(hive, name, identifier, [.. options]));

    /// <summary>
    /// Runs <c>dotnet new modelproject -n &lt;name&gt; &lt;options&gt; --allow-scripts yes</c> in a new empty folder
    /// and copies the result (build output aside) before anything else touches it. Fails the calling test when
    /// dotnet new fails or writes anything besides the project folder.
    /// </summary>
    public static async Task<GeneratedProject> CreateAsync(TemplateHive hive, string name, string identifier, params string[] options)
    {
        var workingDirectory = hive.CreateTempDirectory("modelproject");
        var creation = await hive.RunDotnetNewAsync(workingDirectory, CreationTimeout, ["modelproject", "-n", name, .. options, "--allow-scripts", "yes"]);
        Assert.True(creation.Succeeded, $"dotnet new modelproject failed:\n{creation.Describe()}");

        var root = Path.Combine(workingDirectory, name);
        var created = Directory.EnumerateFileSystemEntries(workingDirectory).Select(Path.GetFileName).ToList();
        Assert.True(
            created is [var only] && only == name,
            $"dotnet new should create exactly one folder '{name}' in {workingDirectory}, but it created: {string.Join(", ", created)}\n{creation.Describe()}");

        var pristineCopy = hive.CreateTempDirectory("modelproject-as-created");
        CopyDirectory(root, pristineCopy);
        return new GeneratedProject(hive, name, identifier, OptionRow.Parse(options), root, pristineCopy, creation);
    }

    /// <summary><c>dotnet tool restore --add-source &lt;package folder&gt;</c> (the manifest pins dotnet-ef and dotnet-strata).</summary>
    public Task<ProcessResult> ToolRestoreAsync() => _toolRestore.Value;

    /// <summary><c>dotnet build -warnaserror</c> of the generated solution (restores it too). Runs once.</summary>
    public Task<ProcessResult> BuildAsync() => _build.Value;

    /// <summary><c>dotnet format --verify-no-changes</c> of the generated solution, after the build has restored it.</summary>
    public Task<ProcessResult> FormatAsync() => _format.Value;

    /// <summary>
    /// <c>dotnet ef &lt;arguments&gt; --no-build</c> in the model project, after the tool restore and the
    /// build (both must have succeeded). Not cached: callers keep the results they share.
    /// </summary>
    public async Task<ProcessResult> EfAsync(params string[] arguments)
    {
        await RequireSuccessAsync("dotnet tool restore", ToolRestoreAsync());
        await RequireSuccessAsync("dotnet build", BuildAsync());
        return await _hive.RunDotnetAsync(
            ModelProjectDirectory,
            ["tool", "run", "dotnet-ef", "--", .. arguments, "--no-build"],
            environment: _isolatedEnvironment);
    }

    /// <summary><c>dotnet ef migrations has-pending-model-changes</c>. Runs once.</summary>
    public Task<ProcessResult> PendingModelChangesAsync() => _pendingModelChanges.Value;

    /// <summary>A new SQLite file migrated with <c>dotnet ef database update --connection</c> (its path). Runs once.</summary>
    public Task<string> MigratedSqliteDatabaseAsync() => _migratedSqliteDatabase.Value;

    /// <summary>
    /// A new database on the throwaway PostgreSQL cluster after <c>dotnet ef database update --connection</c>, dropped
    /// with the hive (skips the test without a cluster). Runs once.
    /// </summary>
    public Task<TemporaryDatabase> MigratedPostgresDatabaseAsync() => _migratedPostgresDatabase.Value;

    /// <summary>The text of <c>dotnet ef migrations script</c> (with <c>--idempotent</c> when asked). Runs once each.</summary>
    public Task<string> MigrationScriptAsync(bool idempotent) => idempotent ? _idempotentScript.Value : _script.Value;

    /// <summary>
    /// The generated solution's own tests as its provider runs them here: on SQLite in files of their own; on
    /// PostgreSQL against the test cluster (<c>ConnectionStrings__&lt;Identifier&gt;Tests</c> without a database:
    /// the tests create their own); on SQL Server without a server, so its database tests skip. Runs once.
    /// </summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync() => _generatedTests.Value;

    /// <summary>
    /// <c>dotnet test --no-build</c> of the generated solution after the build, with a TRX report.
    /// <paramref name="environment"/> adds to the isolated environment (e.g. the tests' server).
    /// </summary>
    public async Task<GeneratedTestRun> TestAsync(string resultsDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await RequireSuccessAsync("dotnet build", BuildAsync());
        var merged = new Dictionary<string, string?>(_isolatedEnvironment);
        foreach (var (variable, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[variable] = value;
        }

        var run = await _hive.RunDotnetAsync(
            Root,
            ["test", "--no-build", "--nologo", "--logger", "trx;LogFileName=generated-tests.trx", "--results-directory", resultsDirectory],
            timeout: TimeSpan.FromMinutes(8),
            environment: merged);
        return GeneratedTestRun.Read(run, Path.Combine(resultsDirectory, "generated-tests.trx"));
    }

    /// <summary>Every file dotnet new wrote, relative to the root with '/' separators, sorted.</summary>
    public IReadOnlyList<string> CreatedFiles() =>
        Directory.EnumerateFiles(PristineCopy, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(PristineCopy, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads a file as dotnet new wrote it (from <see cref="PristineCopy"/>).</summary>
    public string ReadCreatedFile(string relativePath)
    {
        var path = Path.Combine(PristineCopy, relativePath);
        Assert.True(File.Exists(path), $"dotnet new did not create {relativePath}. It created:\n  {string.Join("\n  ", CreatedFiles())}");
        return File.ReadAllText(path);
    }

    /// <summary>Awaits a prerequisite step and throws, with its output, unless it succeeded.</summary>
    public static async Task<ProcessResult> RequireSuccessAsync(string step, Task<ProcessResult> run)
    {
        var result = await run;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Prerequisite `{step}` failed, so this step could not run:\n{result.Describe()}");
        }

        return result;
    }

    private async Task<TemporaryDatabase> MigratePostgresDatabaseAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync($"modelproject_{Identifier.ToLowerInvariant()}");
        _hive.DisposeWithHive(database);
        var update = await EfAsync("database", "update", "--connection", database.ConnectionString);
        Assert.True(update.Succeeded, $"dotnet ef database update failed on {database.Name}:\n{update.Describe()}");
        return database;
    }

    private async Task<string> WriteScriptAsync(params string[] options)
    {
        var output = Path.Combine(_hive.CreateTempDirectory("migration-script"), "migrations.sql");
        var script = await EfAsync(["migrations", "script", .. options, "--output", output]);
        Assert.True(script.Succeeded && File.Exists(output), $"dotnet ef migrations script {string.Join(' ', options)} wrote no {output}:\n{script.Describe()}");
        return await File.ReadAllTextAsync(output);
    }

    private Task<GeneratedTestRun> RunGeneratedTestsAsync()
    {
        var environment = new Dictionary<string, string?>();
        if (Options.Database == "PostgreSql")
        {
            var server = new NpgsqlConnectionStringBuilder(PostgresServer.GetConnectionStringOrSkip());
            server.Remove("Database");
            environment[TestsConnectionStringVariable] = server.ConnectionString;
        }

        return TestAsync(_hive.CreateTempDirectory("generated-test-results"), environment);
    }

    private async Task<ProcessResult> FormatAfterBuildAsync()
    {
        // The build restores the solution (so format need not restore it again); formatting alongside it would race it for obj/.
        await BuildAsync();
        return await _hive.RunDotnetAsync(Root, ["format", "--verify-no-changes", "--no-restore"], environment: _isolatedEnvironment);
    }

    /// <summary>Copies the files of <paramref name="source"/>, leaving out build output (bin/, obj/).</summary>
    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var segments = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar);
            if (segments[..^1].Any(segment => segment is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
