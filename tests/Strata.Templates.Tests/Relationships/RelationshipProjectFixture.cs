using System.Diagnostics;
using Strata.Templates.Tests.Entity;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Relationships;

/// <summary>One command run on the project and what it changed there (bin/obj aside).</summary>
public sealed record CommandRun(ModelCommand Command, ProcessResult Result, IReadOnlyList<string> Changes)
{
    public string Describe(string headline) =>
        $"{headline}\n`{Command.CommandLine}` changed: {(Changes.Count == 0 ? "nothing" : string.Join(", ", Changes))}\n{Result.Describe()}";
}

/// <summary>The SQL Server cascade-path cases run on a project: a cascade cycle and two cascade paths, then the undo of what was accepted.</summary>
public sealed record CascadeCases(
    CommandRun Cycle,
    IReadOnlyList<CommandRun> Setup,
    CommandRun TwoPaths,
    CommandRun? OnePath,
    IReadOnlyList<CommandRun> Undo,
    IReadOnlyList<string> ChangesAfterUndo);

/// <summary>The relationship project after <see cref="RelationshipModel.Commands"/> and the cascade-path cases.</summary>
public sealed class RelationshipProject(EntityShop shop, IReadOnlyList<CommandRun> runs, IReadOnlyList<ProcessResult> oneMigration, CascadeCases cascade)
{
    public EntityShop Shop { get; } = shop;

    /// <summary>The run of each of <see cref="RelationshipModel.Commands"/>, in order.</summary>
    public IReadOnlyList<CommandRun> Runs { get; } = runs;

    /// <summary>
    /// Without a migration per command: <c>dotnet ef migrations add AddRelationships</c> and <c>dotnet strata diagram</c>
    /// after the commands; empty otherwise.
    /// </summary>
    public IReadOnlyList<ProcessResult> OneMigration { get; } = oneMigration;

    public CascadeCases Cascade { get; } = cascade;
}

/// <summary>
/// One provider's relationship project (issue 11's proof), built once per test class: <c>dotnet new modelproject
/// --no-sample</c>, tool restore, restore, the commands of <see cref="RelationshipModel.Commands"/> through the real
/// engine (each with its migration, as a user runs them, or, where <paramref name="migrationPerCommand"/> is false, with
/// --skip-migration and then one migration for the model: what differs between providers is the model's DDL, and a
/// build plus ef run per command costs the suite about 5 s each), then the cascade-path cases (each refused or accepted and undone, the tree compared). Every later step (build,
/// format, pending changes, the code copy for the snapshot, the provider's catalog, the generated tests) runs at most
/// once; steps that change the project again (remove) wait for all of them, so tests can run in any order.
/// </summary>
public abstract class RelationshipProjectFixture(IMessageSink diagnostics, string database, string snapshotName, bool migrationPerCommand) : ProjectStepsFixture(diagnostics)
{
    /// <summary>The one migration of the model when the commands ran with --skip-migration.</summary>
    public const string OneMigrationName = "AddRelationships";

    /// <summary>The folders the entity template and the scaffolder write to (besides Migrations).</summary>
    public static readonly IReadOnlyList<string> CodeFolders = ["Entities", "Configurations", "Validators", "DbSets"];

    private Lazy<Task<RelationshipProject>>? _project;
    private Lazy<Task<ProcessResult>>? _build;
    private Lazy<Task<ProcessResult>>? _format;
    private Lazy<Task<ProcessResult>>? _pendingModelChanges;
    private Lazy<Task<string>>? _code;
    private Lazy<Task<string>>? _diagram;

    public string Database { get; } = database;

    public string SnapshotName { get; } = snapshotName;

    /// <summary>True when each command added its own migration (else --skip-migration and <see cref="OneMigrationName"/>).</summary>
    public bool MigrationPerCommand { get; } = migrationPerCommand;

    public Task<RelationshipProject> GetAsync(TemplateHive hive) => Once(ref _project, () => CreateAsync(hive));

    /// <summary><c>dotnet build -warnaserror</c> of the solution.</summary>
    public override Task<ProcessResult> BuildAsync(TemplateHive hive) =>
        Once(ref _build, () => TimedAsync("dotnet build -warnaserror", async () => await (await GetAsync(hive)).Shop.BuildAsync()));

    /// <summary><c>dotnet format --verify-no-changes</c>, after the build.</summary>
    public Task<ProcessResult> FormatAsync(TemplateHive hive) =>
        Once(ref _format, () => TimedAsync("dotnet format --verify-no-changes", async () =>
        {
            await BuildAsync(hive);
            return await (await GetAsync(hive)).Shop.FormatAsync();
        }));

    /// <summary><c>dotnet ef migrations has-pending-model-changes --no-build</c>, after the build.</summary>
    public Task<ProcessResult> PendingModelChangesAsync(TemplateHive hive) =>
        Once(ref _pendingModelChanges, () => EfAfterBuildAsync(hive, "migrations", "has-pending-model-changes"));

    /// <summary>
    /// A copy of the code the commands wrote (<see cref="CodeFolders"/>, the entities' scopes) and their migrations without the timestamp
    /// (no designer files), taken before anything removes entities: the snapshot, and what content tests read.
    /// </summary>
    public Task<string> CodeAsync(TemplateHive hive) =>
        Once(ref _code, async () =>
        {
            var shop = (await GetAsync(hive)).Shop;
            var copy = hive.CreateTempDirectory($"{SnapshotName}-code");
            foreach (var folder in CodeFolders)
            {
                CopyDirectory(Path.Combine(shop.ModelProjectDirectory, folder), Path.Combine(copy, folder));
            }

            // The scopes dotnet strata writes per entity (Queries/<Entity>Queries.cs); the model project's own query helpers are left out.
            foreach (var entity in Directory.GetFiles(Path.Combine(shop.ModelProjectDirectory, "Entities"), "*.cs").Select(Path.GetFileNameWithoutExtension))
            {
                var queries = Path.Combine(shop.ModelProjectDirectory, "Queries", $"{entity}Queries.cs");
                if (File.Exists(queries))
                {
                    Directory.CreateDirectory(Path.Combine(copy, "Queries"));
                    File.Copy(queries, Path.Combine(copy, "Queries", Path.GetFileName(queries)));
                }
            }

            Directory.CreateDirectory(Path.Combine(copy, "Migrations"));
            foreach (var file in Directory.GetFiles(Path.Combine(shop.ModelProjectDirectory, "Migrations")))
            {
                if (EntityProjectFixture.AddMigrationName(Path.GetFileName(file)) is { } name)
                {
                    File.Copy(file, Path.Combine(copy, "Migrations", name + ".cs"));
                }
            }

            return copy;
        });

    /// <summary>A copy of docs/model.md as the commands left it (taken before anything removes entities).</summary>
    public Task<string> DiagramAsync(TemplateHive hive) =>
        Once(ref _diagram, async () =>
        {
            var shop = (await GetAsync(hive)).Shop;
            var copy = Path.Combine(hive.CreateTempDirectory($"{SnapshotName}-diagram"), "model.md");
            File.Copy(Path.Combine(shop.Root, "docs", "model.md"), copy);
            return copy;
        });

    /// <summary>Reads a file of the code copy (path relative to the model project, '/'-separated); fails naming it when missing.</summary>
    public async Task<string> ReadCodeAsync(TemplateHive hive, string relativePath)
    {
        var path = Path.Combine(await CodeAsync(hive), relativePath);
        Assert.True(File.Exists(path), $"src/Shop/{relativePath} was not written.");
        return await File.ReadAllTextAsync(path);
    }

    /// <summary><c>dotnet ef &lt;arguments&gt; --no-build</c> after a successful build (else it throws with the build's output).</summary>
    public async Task<ProcessResult> EfAfterBuildAsync(TemplateHive hive, params string[] arguments)
    {
        await RequireBuildAsync(hive);
        return await TimedAsync($"dotnet ef {string.Join(' ', arguments.Take(2))}", async () => await (await GetAsync(hive)).Shop.EfAsync(arguments));
    }

    /// <summary>The generated solution's tests after a successful build.</summary>
    protected async Task<GeneratedTestRun> RunGeneratedTestsAsync(TemplateHive hive, IReadOnlyDictionary<string, string?>? environment)
    {
        await RequireBuildAsync(hive);
        var shop = (await GetAsync(hive)).Shop;
        var stopwatch = Stopwatch.StartNew();
        var run = await shop.TestAsync(hive.CreateTempDirectory($"{SnapshotName}-generated-test-results"), environment);
        Log($"dotnet test: {stopwatch.Elapsed.TotalSeconds:F1} s");
        return run;
    }

    /// <summary>Waits for every step that reads the project as the commands left it; their failures are their own tests' to report.</summary>
    protected async Task AfterReadingStepsAsync(TemplateHive hive, params Func<Task>[] providerSteps)
    {
        Func<Task>[] steps = [() => BuildAsync(hive), () => PendingModelChangesAsync(hive), () => CodeAsync(hive), () => DiagramAsync(hive), .. providerSteps];
        foreach (var step in steps)
        {
            try
            {
                await step();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Log($"(a reading step failed before the project was changed again: {exception.GetType().Name})");
            }
        }
    }

    /// <summary>Runs a command in the model project and records what it changed in the solution.</summary>
    public async Task<CommandRun> RunAsync(EntityShop shop, ModelCommand command)
    {
        var before = ProjectState.Capture(shop.Root);
        var result = command.IsStrata ? await shop.StrataAsync(command.Arguments) : await shop.NewEntityAsync(command.Arguments);
        var changes = before.DifferencesTo(ProjectState.Capture(shop.Root));
        Log($"{command.CommandLine}: {result.Duration.TotalSeconds:F1} s (exit {result.ExitCode})");
        return new CommandRun(command, result, changes);
    }

    private async Task<RelationshipProject> CreateAsync(TemplateHive hive)
    {
        var stopwatch = Stopwatch.StartNew();
        var shop = await EntityShop.CreateAsync(hive, Database);
        await shop.RestoreAsync();
        Log($"dotnet new modelproject + tool restore + restore: {stopwatch.Elapsed.TotalSeconds:F1} s");

        var runs = new List<CommandRun>();
        foreach (var command in RelationshipModel.Commands)
        {
            // Keep going after a failure: each command's own test reports it, with its output.
            runs.Add(await RunAsync(shop, MigrationPerCommand ? command : command with { Arguments = [.. command.Arguments, "--skip-migration"] }));
        }

        var oneMigration = new List<ProcessResult>();
        if (!MigrationPerCommand)
        {
            oneMigration.Add(await TimedAsync($"dotnet ef migrations add {OneMigrationName} (builds)", () => shop.EfWithBuildAsync("migrations", "add", OneMigrationName)));
            oneMigration.Add(await TimedAsync("dotnet strata diagram --no-build", () => shop.StrataAsync("diagram", "--no-build")));
        }

        return new RelationshipProject(shop, runs, oneMigration, await RunCascadeCasesAsync(shop));
    }

    /// <summary>
    /// The cascade cycle, then Badge (a second child of Employee) and a Review cascading from Note and Badge; on SQL Server
    /// also the Review with one path restricted. All with --skip-migration (the check runs before anything is written), then
    /// whatever was accepted is removed again with <c>dotnet strata remove --skip-migration</c>, dependents first.
    /// </summary>
    private async Task<CascadeCases> RunCascadeCasesAsync(EntityShop shop)
    {
        var start = ProjectState.Capture(shop.Root);
        var undo = new List<CommandRun>();
        var cycle = await RunAsync(shop, RelationshipModel.CascadeCycle);
        if (cycle.Result.Succeeded)
        {
            undo.Add(await RunAsync(shop, ModelCommand.Strata("remove", "Chain", "--skip-migration")));
        }

        var setup = new List<CommandRun>();
        foreach (var command in RelationshipModel.SecondChild)
        {
            setup.Add(await RunAsync(shop, command));
        }

        var twoPaths = await RunAsync(shop, RelationshipModel.TwoCascadePaths);
        var onePath = twoPaths.Result.Succeeded ? null : await RunAsync(shop, RelationshipModel.OneCascadePath);
        foreach (var entity in RelationshipModel.CascadeCaseRemovalOrder)
        {
            if (File.Exists(Path.Combine(shop.ModelProjectDirectory, "Entities", entity + ".cs")))
            {
                undo.Add(await RunAsync(shop, ModelCommand.Strata("remove", entity, "--skip-migration")));
            }
        }

        return new CascadeCases(cycle, setup, twoPaths, onePath, undo, start.DifferencesTo(ProjectState.Capture(shop.Root)));
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
