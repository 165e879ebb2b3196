using System.Diagnostics;
using System.Text;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Entity;

/// <summary>One <c>dotnet new entity</c> run and the state of the folder it ran in, before and after.</summary>
public sealed record EntityRun(string CommandLine, ProcessResult Process, ProjectState Before, ProjectState After)
{
    /// <summary>Everything that changed in the folder (bin/ and obj/ aside).</summary>
    public IReadOnlyList<string> Changes => Before.DifferencesTo(After);

    /// <summary>The lines of the output that start with "error:" (the template's own messages).</summary>
    public IReadOnlyList<string> ErrorLines =>
        [.. Process.Output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("error:", StringComparison.Ordinal))];

    public string Describe(string headline) =>
        new StringBuilder()
            .AppendLine(headline)
            .AppendLine($"Changes in {Before.Root}: {(Changes.Count == 0 ? "none" : "\n  " + string.Join("\n  ", Changes))}")
            .Append(Process.Describe())
            .ToString();
}

/// <summary>What the bad-input sequence left: each run by case name, and the build at the end.</summary>
public sealed class BadInputResults(EntityShop shop, IReadOnlyDictionary<string, EntityRun> runs, ProjectState afterEfFailureCleanup, ProcessResult finalBuild)
{
    public EntityShop Shop { get; } = shop;

    public IReadOnlyDictionary<string, EntityRun> Runs { get; } = runs;

    /// <summary>The project after the test removed the files the failed <c>dotnet ef</c> run kept.</summary>
    public ProjectState AfterEfFailureCleanup { get; } = afterEfFailureCleanup;

    /// <summary><c>dotnet build -warnaserror</c> of the solution after the whole sequence.</summary>
    public ProcessResult FinalBuild { get; } = finalBuild;

    public EntityRun this[string caseName] =>
        Runs.TryGetValue(caseName, out var run)
            ? run
            : throw new KeyNotFoundException($"No bad-input case '{caseName}'; cases: {string.Join(", ", Runs.Keys)}");
}

/// <summary>
/// One SQLite model project that every bad-input case runs on, in a fixed order (later cases rely on
/// earlier ones: Customer must exist before it can be refused as existing). Each case records the
/// project's file listing and content hashes before and after. Only two builds: the one inside the
/// post-action whose <c>dotnet ef</c> fails, and one of the solution at the end.
/// </summary>
public sealed class EntityBadInputFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string Unrestored = "unrestored project";
    public const string Outside = "outside a model project";
    public const string OutsideForced = "outside a model project, with --force";
    public const string DryRun = "-n Widget --folder Sales --dry-run";
    public const string SkipMigration = "-n Customer --skip-migration";
    public const string Existing = "-n Customer (exists)";
    public const string UnknownParent = "-n Order --parent Custmer";
    public const string OutputFolder = "-n Order -o Entities/Sales";
    public const string Help = "-h";
    public const string EfFails = "-n Order --parent DesignTimeDbContextFactory";
    public const string Folder = "-n Invoice --folder Sales --skip-migration";
    public const string Plural = "-n Employee --plural Staff --skip-migration";

    /// <summary>Names that are not PascalCase C# identifiers (a keyword, a leading digit, a hyphen).</summary>
    public static readonly IReadOnlyList<string> InvalidNames = ["class", "1Order", "Order-Line"];

    private readonly Lock _gate = new();
    private readonly StringBuilder _timings = new();
    private Lazy<Task<BadInputResults>>? _results;

    public static string InvalidName(string name) => $"-n {name}";

    public Task<BadInputResults> GetAsync(TemplateHive hive)
    {
        lock (_gate)
        {
            _results ??= new(() => RunSequenceAsync(hive));
            return _results.Value;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (_timings.Length > 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"{nameof(EntityBadInputFixture)} timings:\n{_timings}"));
        }

        return Task.CompletedTask;
    }

    private async Task<BadInputResults> RunSequenceAsync(TemplateHive hive)
    {
        var stopwatch = Stopwatch.StartNew();
        var shop = await EntityShop.CreateAsync(hive, "Sqlite");
        var runs = new Dictionary<string, EntityRun>(StringComparer.Ordinal);

        // Before anything is restored: the project-capability constraint can't be evaluated.
        runs[Unrestored] = await RunAsync(Unrestored, shop, shop.ModelProjectDirectory, "-n", "Order");

        await shop.RestoreAsync();
        Log($"dotnet new modelproject + tool restore + restore: {stopwatch.Elapsed.TotalSeconds:F1} s");

        runs[Outside] = await RunAsync(Outside, shop, hive.CreateTempDirectory("not-a-model-project"), "-n", "Order");
        // --force skips the engine's constraint check; the template's own check still refuses.
        runs[OutsideForced] = await RunAsync(OutsideForced, shop, hive.CreateTempDirectory("not-a-model-project"), "-n", "Order", "--force");
        runs[SkipMigration] = await RunAsync(SkipMigration, shop, shop.ModelProjectDirectory, "-n", "Customer", "--skip-migration");
        foreach (var name in InvalidNames)
        {
            runs[InvalidName(name)] = await RunAsync(InvalidName(name), shop, shop.ModelProjectDirectory, "-n", name);
        }

        runs[Existing] = await RunAsync(Existing, shop, shop.ModelProjectDirectory, "-n", "Customer");
        runs[UnknownParent] = await RunAsync(UnknownParent, shop, shop.ModelProjectDirectory, "-n", "Order", "--parent", "Custmer");
        runs[OutputFolder] = await RunAsync(OutputFolder, shop, shop.ModelProjectDirectory, "-n", "Order", "-o", "Entities/Sales");
        runs[Help] = await RunAsync(Help, shop, shop.ModelProjectDirectory, "-h");
        runs[DryRun] = await RunAsync(DryRun, shop, shop.ModelProjectDirectory, "-n", "Widget", "--folder", "Sales", "--dry-run");

        // The parent class exists and compiles, but EF can't map it (no key): the post-action's build
        // passes and `dotnet ef migrations add` fails.
        var efFails = await RunAsync(EfFails, shop, shop.ModelProjectDirectory, "-n", "Order", "--parent", "DesignTimeDbContextFactory");
        runs[EfFails] = efFails;

        // As a user would after reading the message: drop the kept files (here, rather than fix them).
        foreach (var file in efFails.Before.AddedFiles(efFails.After))
        {
            File.Delete(Path.Combine(shop.ModelProjectDirectory, file));
        }

        var afterCleanup = ProjectState.Capture(shop.ModelProjectDirectory);

        runs[Folder] = await RunAsync(Folder, shop, shop.ModelProjectDirectory, "-n", "Invoice", "--folder", "Sales", "--skip-migration");
        runs[Plural] = await RunAsync(Plural, shop, shop.ModelProjectDirectory, "-n", "Employee", "--plural", "Staff", "--skip-migration");

        var build = await shop.BuildAsync();
        Log($"dotnet build -warnaserror: {build.Duration.TotalSeconds:F1} s (exit {build.ExitCode})");
        Log($"whole sequence: {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new BadInputResults(shop, runs, afterCleanup, build);
    }

    private async Task<EntityRun> RunAsync(string caseName, EntityShop shop, string workingDirectory, params string[] arguments)
    {
        var before = ProjectState.Capture(workingDirectory);
        var process = await shop.NewEntityInAsync(workingDirectory, arguments);
        var after = ProjectState.Capture(workingDirectory);
        var commandLine = $"dotnet new entity {string.Join(' ', arguments)} --allow-scripts yes";
        Log($"{caseName}: {process.Duration.TotalSeconds:F1} s (exit {process.ExitCode})");
        return new EntityRun(commandLine, process, before, after);
    }

    private void Log(string line)
    {
        lock (_gate)
        {
            _timings.AppendLine("  " + line);
        }
    }
}
