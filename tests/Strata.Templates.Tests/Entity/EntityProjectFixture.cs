using System.Diagnostics;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>One <c>dotnet new entity</c> of the fixture's sequence: the entity, its options and what the files are called.</summary>
public sealed record EntityCommand(string Name, string Plural, params string[] Options)
{
    public string[] Arguments => ["-n", Name, .. Options];

    public string CommandLine =>
        $"dotnet new entity {string.Join(' ', Arguments.Select(argument => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument))} --allow-scripts yes";

    /// <summary>The four files the template writes, relative to the model project.</summary>
    public IReadOnlyList<string> CodeFiles =>
    [
        $"Entities/{Name}.cs",
        $"Configurations/{Name}Configuration.cs",
        $"Validators/{Name}Validator.cs",
        $"DbSets/{EntityShop.DbContext}.{Plural}.cs",
    ];

    public string Migration => $"Add{Name}";
}

/// <summary>A model project after the fixture's <c>dotnet new entity</c> commands and its <c>add-fields</c>, with each command's result.</summary>
public sealed class EntityProject(EntityShop shop, IReadOnlyDictionary<string, ProcessResult> runs, ProcessResult addFields)
{
    public EntityShop Shop { get; } = shop;

    /// <summary>The <c>dotnet new entity</c> run for each entity name.</summary>
    public IReadOnlyDictionary<string, ProcessResult> Runs { get; } = runs;

    /// <summary><c>dotnet strata add-fields</c> (Product "<see cref="ProductFields.AddedSpec"/>" unless the fixture says otherwise), after the commands.</summary>
    public ProcessResult AddFields { get; } = addFields;
}

/// <summary>
/// One provider's model project, shared by all tests of a class (an xunit class fixture): created on
/// first use (the template hive is a collection fixture, which class fixtures can't receive), then
/// <c>dotnet tool restore</c>, <c>dotnet restore</c> and, in src/Shop, the <c>dotnet new entity</c>
/// commands of <see cref="Commands"/>, then <c>dotnet strata add-fields</c> on Product. Later steps
/// (build, format, ef, tests) run at most once each and are shared, so the tests of a class can run in any order.
/// </summary>
public abstract class EntityProjectFixture(IMessageSink diagnostics, string database, string snapshotName) : ProjectStepsFixture(diagnostics)
{
    /// <summary>
    /// The sequence every provider runs, in this order (a parent or a reference's target first). The first
    /// five have no --fields (base columns only); Product has a field of every type and modifier.
    /// </summary>
    public static readonly IReadOnlyList<EntityCommand> Commands =
    [
        new("Customer", "Customers"),
        new("Order", "Orders", "--parent", "Customer"),
        new("OrderLine", "OrderLines", "--parent", "Order"),
        new("Category", "Categories"),
        new("Person", "People"),
        new("Supplier", "Suppliers", "--fields", "Name:string{100}:uniq"),
        new("Product", "Products", "--fields", ProductFields.Spec),
    ];

    /// <summary>The entities created without --fields.</summary>
    public static readonly IReadOnlyList<string> EntitiesWithoutFields = ["Customer", "Order", "OrderLine", "Category", "Person"];

    /// <summary>The tables the commands add, sorted.</summary>
    public static readonly IReadOnlyList<string> Tables = [.. Commands.Select(command => command.Plural).Order(StringComparer.Ordinal)];

    private Lazy<Task<EntityProject>>? _project;
    private Lazy<Task<ProcessResult>>? _build;
    private Lazy<Task<ProcessResult>>? _format;
    private Lazy<Task<ProcessResult>>? _pendingModelChanges;

    /// <summary>The <c>--database</c> value.</summary>
    public string Database { get; } = database;

    /// <summary>The approved snapshot's folder name under Snapshots/.</summary>
    public string SnapshotName { get; } = snapshotName;

    /// <summary>The model project after the commands and add-fields (each command's result is kept, failed or not).</summary>
    public Task<EntityProject> GetAsync(TemplateHive hive) => Once(ref _project, () => CreateAsync(hive));

    /// <summary><c>dotnet build -warnaserror</c> of the solution after the commands.</summary>
    public override Task<ProcessResult> BuildAsync(TemplateHive hive) =>
        Once(ref _build, () => TimedAsync("dotnet build -warnaserror", async () => await (await GetAsync(hive)).Shop.BuildAsync()));

    /// <summary><c>dotnet format --verify-no-changes</c>, after the build (which restored everything).</summary>
    public Task<ProcessResult> FormatAsync(TemplateHive hive) =>
        Once(ref _format, () => TimedAsync("dotnet format --verify-no-changes", async () =>
        {
            await BuildAsync(hive);
            return await (await GetAsync(hive)).Shop.FormatAsync();
        }));

    /// <summary><c>dotnet ef migrations has-pending-model-changes</c>.</summary>
    public Task<ProcessResult> PendingModelChangesAsync(TemplateHive hive) =>
        Once(ref _pendingModelChanges, () => EfAfterBuildAsync(hive, "migrations", "has-pending-model-changes"));

    /// <summary><c>dotnet ef &lt;arguments&gt; --no-build</c>, after a successful build (else it throws with the build's output).</summary>
    public async Task<ProcessResult> EfAfterBuildAsync(TemplateHive hive, params string[] arguments)
    {
        await RequireBuildAsync(hive);
        return await TimedAsync($"dotnet ef {string.Join(' ', arguments.Take(2))}", async () => await (await GetAsync(hive)).Shop.EfAsync(arguments));
    }

    /// <summary>
    /// Asserts every <c>dotnet new entity</c> and the <c>add-fields</c> succeeded, and that the solution then builds with
    /// warnings as errors, is formatted and matches its migrations.
    /// </summary>
    public async Task AssertCommandsBuildFormatAndMatchTheModelAsync(TemplateHive hive)
    {
        var project = await GetAsync(hive);
        foreach (var (name, run) in project.Runs)
        {
            Assert.True(run.Succeeded, $"dotnet new entity -n {name} failed:\n{run.Describe()}");
        }

        Assert.True(project.AddFields.Succeeded, $"dotnet strata add-fields {AddedFields.Entity} failed:\n{project.AddFields.Describe()}");
        var build = await BuildAsync(hive);
        Assert.True(build.Succeeded, $"dotnet build -warnaserror failed:\n{build.Describe()}");
        var format = await FormatAsync(hive);
        Assert.True(format.Succeeded, $"dotnet format --verify-no-changes failed:\n{format.Describe()}");
        var pending = await PendingModelChangesAsync(hive);
        Assert.True(pending.Succeeded, $"dotnet ef migrations has-pending-model-changes failed:\n{pending.Describe()}");
    }

    /// <summary>The generated solution's own tests, after a successful build.</summary>
    protected async Task<GeneratedTestRun> RunGeneratedTestsAsync(TemplateHive hive, IReadOnlyDictionary<string, string?>? environment)
    {
        await RequireBuildAsync(hive);
        var shop = (await GetAsync(hive)).Shop;
        var stopwatch = Stopwatch.StartNew();
        var run = await shop.TestAsync(hive.CreateTempDirectory("entity-generated-test-results"), environment);
        Log($"dotnet test: {stopwatch.Elapsed.TotalSeconds:F1} s");
        return run;
    }

    /// <summary>Asserts the generated tests covered every new entity: at least one passed test case names it as theory data.</summary>
    public static void AssertCoversEveryEntity(GeneratedTestRun run)
    {
        var uncovered = EntityProjectFixture.Commands
            .Select(command => command.Name)
            .Where(name => !run.Passed.Any(result => result.Name.Contains($"\"{name}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(
            uncovered.Count == 0,
            run.Describe($"No passed generated test case names these entities (expected the per-entity theories to pick them up): {string.Join(", ", uncovered)}"));
        var perEntity = EntityProjectFixture.Commands.Select(command => $"{command.Name}: {run.Passed.Count(result => result.Name.Contains($"\"{command.Name}\"", StringComparison.Ordinal))}");
        Assert.True(
            EntityProjectFixture.Commands.All(command => run.Passed.Count(result => result.Name.Contains($"\"{command.Name}\"", StringComparison.Ordinal)) >= 5),
            run.Describe($"Expected at least 5 passed test cases per entity; passed per entity: {string.Join(", ", perEntity)}"));
    }

    /// <summary>For <c>&lt;14-digit id&gt;_Add&lt;Name&gt;.cs</c> (not a designer file), <c>Add&lt;Name&gt;</c>; otherwise null.</summary>
    public static string? AddMigrationName(string fileName)
    {
        const int IdLength = 14;
        const string Extension = ".cs";
        var isMigration = fileName.Length > IdLength + 1 + Extension.Length
            && fileName[..IdLength].All(char.IsAsciiDigit)
            && fileName[IdLength] == '_'
            && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && !fileName.EndsWith(".Designer.cs", StringComparison.Ordinal);
        var name = isMigration ? fileName[(IdLength + 1)..^Extension.Length] : null;
        return name is not null && name.StartsWith("Add", StringComparison.Ordinal) ? name : null;
    }

    /// <summary>The <c>dotnet new entity</c> commands this fixture runs, in order (<see cref="Commands"/> unless a fixture has its own).</summary>
    protected virtual IReadOnlyList<EntityCommand> EntityCommands => Commands;

    /// <summary>Options of <c>dotnet new modelproject</c> beyond <c>-n Shop --no-sample --database</c>.</summary>
    protected virtual IReadOnlyList<string> ModelProjectOptions => [];

    /// <summary>Every option the project is created with after <c>-n Shop</c>: the option matrix counts it as a row.</summary>
    public IReadOnlyList<string> ModelProjectArguments => ["--no-sample", "--database", Database, .. ModelProjectOptions];

    /// <summary>The entity and field specs of the <c>dotnet strata add-fields</c> run after the commands.</summary>
    protected virtual (string Entity, string Specs) AddedFields => ("Product", ProductFields.AddedSpec);

    /// <summary>Runs between the last <c>dotnet new entity</c> and <c>add-fields</c> (e.g. to put a row in the table first).</summary>
    protected virtual Task BeforeAddFieldsAsync(TemplateHive hive, EntityShop shop) => Task.CompletedTask;

    private async Task<EntityProject> CreateAsync(TemplateHive hive)
    {
        var stopwatch = Stopwatch.StartNew();
        var shop = await EntityShop.CreateAsync(hive, Database, [.. ModelProjectOptions]);
        await shop.RestoreAsync();
        Log($"dotnet new modelproject + tool restore + restore: {stopwatch.Elapsed.TotalSeconds:F1} s");

        var runs = new Dictionary<string, ProcessResult>(StringComparer.Ordinal);
        foreach (var command in EntityCommands)
        {
            // Keep going after a failure: each command's own test reports it, with its output.
            var run = await shop.NewEntityAsync(command.Arguments);
            runs[command.Name] = run;
            Log($"{command.CommandLine}: {run.Duration.TotalSeconds:F1} s (exit {run.ExitCode})");
        }

        await BeforeAddFieldsAsync(hive, shop);
        var (entity, specs) = AddedFields;
        var addFields = await shop.StrataAsync("add-fields", entity, specs);
        Log($"dotnet strata add-fields {entity} \"{specs}\": {addFields.Duration.TotalSeconds:F1} s (exit {addFields.ExitCode})");
        return new EntityProject(shop, runs, addFields);
    }
}
