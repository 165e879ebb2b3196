using System.Diagnostics;
using System.Text;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

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
public sealed class BadInputResults(EntityShop shop, IReadOnlyDictionary<string, EntityRun> runs, ProcessResult finalBuild)
{
    public EntityShop Shop { get; } = shop;

    public IReadOnlyDictionary<string, EntityRun> Runs { get; } = runs;

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
/// post-action that finds the project broken, and one of the solution at the end.
/// </summary>
public sealed class EntityBadInputFixture(IMessageSink diagnostics) : ProjectStepsFixture(diagnostics)
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
    public const string BuildFails = "-n Order --parent Customer --fields Total:decimal{10,2}, in a project that does not build";
    public const string NotAnEntityParent = "-n Order --parent DesignTimeDbContextFactory";
    public const string SetNullOnRequiredParent = "-n Order --parent Customer --on-delete SetNull";
    public const string Folder = "-n Invoice --folder Sales --fields Number:string{20} --skip-migration";
    public const string Plural = "-n Employee --plural Staff --skip-migration";
    public const string AddFieldsUnknownEntity = "add-fields Gadget";
    public const string AddFieldsExistingField = "add-fields Invoice Number:string{20}?";
    public const string AddFieldsRequiredWithoutDefault = "add-fields Invoice Color:string{20}";
    public const string InitWithMigrations = "init, in a project that has migrations";
    public const string InitBuildFails = "init, in a project without migrations that does not build";
    public const string InitEfFails = "init, in a project whose model EF Core refuses";

    /// <summary>
    /// An entity EF Core cannot map (an <c>object</c> property): the project builds, and <c>dotnet ef migrations add</c>
    /// fails. Added for <see cref="InitEfFails"/> and removed after it.
    /// </summary>
    public const string UnmappableFile = "DbSets/ShopDbContext.Widgets.cs";

    /// <summary>A file that breaks the build, added for <see cref="BuildFails"/> and removed after it.</summary>
    public const string BrokenFile = "Broken.cs";

    /// <summary>
    /// Issue 10's bad field specs, each given to <c>dotnet new entity -n Widget --fields</c>: the case, the
    /// spec, and the token the one error line must name.
    /// </summary>
    public static readonly IReadOnlyList<(string Case, string Fields, string Token)> FieldCases =
    [
        ("unclosed brace", "Price:decimal{18", "decimal{18"),
        ("unknown type", "Name:strng", "strng"),
        ("unknown modifier", "Name:string:uniqe", "uniqe"),
        ("duplicate field", "Name:string{20} Name:text", "Name"),
        ("reserved Id", "Id:int", "Id"),
        ("reserved CreatedAt", "CreatedAt:datetime", "CreatedAt"),
        ("reserved UpdatedAt", "UpdatedAt:datetime", "UpdatedAt"),
        ("reserved Version", "Version:long", "Version"),
        ("reserved DeletedAt", "DeletedAt:datetime?", "DeletedAt"),
        ("reserved CreatedBy", "CreatedBy:string{50}", "CreatedBy"),
        ("reserved UpdatedBy", "UpdatedBy:string{50}", "UpdatedBy"),
        ("invalid identifier", "9lives:int", "9lives"),
        ("unknown reference target", "Vendor:references", "Vendor"),
        ("min greater than max", "Rating:int:min(5):max(1)", "Rating"),
        ("string of length 0", "Code:string{0}", "string{0}"),
        ("scale greater than precision", "Price:decimal{4,6}", "decimal{4,6}"),
        ("empty enum", "Status:enum{}", "Status"),
        ("duplicate enum member", "Status:enum{Draft,Draft}", "Draft"),
        ("setnull on a required reference", "Buyer:references{Customer}:setnull", "setnull"),
    ];

    public static string FieldCase(string caseName) => $"--fields: {caseName}";

    /// <summary>Names that are not PascalCase C# identifiers (a keyword, a leading digit, a hyphen).</summary>
    public static readonly IReadOnlyList<string> InvalidNames = ["class", "1Order", "Order-Line"];

    private Lazy<Task<BadInputResults>>? _results;

    public static string InvalidName(string name) => $"-n {name}";

    public Task<BadInputResults> GetAsync(TemplateHive hive) => Once(ref _results, () => RunSequenceAsync(hive));

    /// <summary>The build of the solution at the end of the sequence.</summary>
    public override async Task<ProcessResult> BuildAsync(TemplateHive hive) => (await GetAsync(hive)).FinalBuild;

    private async Task<BadInputResults> RunSequenceAsync(TemplateHive hive)
    {
        var stopwatch = Stopwatch.StartNew();
        var shop = await EntityShop.CreateAsync(hive, "Sqlite");
        var runs = new Dictionary<string, EntityRun>(StringComparer.Ordinal);

        // As in a fresh clone (dotnet strata init restored and built the project while dotnet new created it; obj/ and
        // bin/ are not committed): without obj/project.assets.json the project-capability constraint can't be evaluated.
        Directory.Delete(Path.Combine(shop.ModelProjectDirectory, "obj"), recursive: true);
        Directory.Delete(Path.Combine(shop.ModelProjectDirectory, "bin"), recursive: true);
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

        // A class that exists but is not an entity: refused before anything is built.
        runs[NotAnEntityParent] = await RunAsync(NotAnEntityParent, shop, shop.ModelProjectDirectory, "-n", "Order", "--parent", "DesignTimeDbContextFactory");
        runs[SetNullOnRequiredParent] = await RunAsync(SetNullOnRequiredParent, shop, shop.ModelProjectDirectory, "-n", "Order", "--parent", "Customer", "--on-delete", "SetNull");
        foreach (var (caseName, fields, _) in FieldCases)
        {
            runs[FieldCase(caseName)] = await RunAsync(FieldCase(caseName), shop, shop.ModelProjectDirectory, "-n", "Widget", "--fields", fields);
        }

        // Valid input in a project that does not build: the tool has edited Customer (the inverse
        // collection) and written Order's files when its build fails, and must put everything back.
        var brokenFile = Path.Combine(shop.ModelProjectDirectory, BrokenFile);
        await File.WriteAllTextAsync(brokenFile, "namespace Shop;\n\npublic sealed class Broken\n{\n    public int Value => ;\n}\n");
        runs[BuildFails] = await RunAsync(BuildFails, shop, shop.ModelProjectDirectory, "-n", "Order", "--parent", "Customer", "--fields", "Total:decimal{10,2}");
        File.Delete(brokenFile);

        runs[Folder] = await RunAsync(Folder, shop, shop.ModelProjectDirectory, "-n", "Invoice", "--folder", "Sales", "--fields", "Number:string{20}", "--skip-migration");
        runs[Plural] = await RunAsync(Plural, shop, shop.ModelProjectDirectory, "-n", "Employee", "--plural", "Staff", "--skip-migration");

        runs[AddFieldsUnknownEntity] = await RunStrataAsync(AddFieldsUnknownEntity, shop, "add-fields", "Gadget", "Weight:decimal{8,3}?");
        runs[AddFieldsExistingField] = await RunStrataAsync(AddFieldsExistingField, shop, "add-fields", "Invoice", "Number:string{20}?");
        runs[AddFieldsRequiredWithoutDefault] = await RunStrataAsync(AddFieldsRequiredWithoutDefault, shop, "add-fields", "Invoice", "Color:string{20}");

        await RunInitCasesAsync(hive, shop, runs);

        var build = await shop.BuildAsync();
        Log($"dotnet build -warnaserror: {build.Duration.TotalSeconds:F1} s (exit {build.ExitCode})");
        Log($"whole sequence: {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new BadInputResults(shop, runs, build);
    }

    /// <summary>
    /// <c>dotnet strata init</c> (dotnet new modelproject's last step) refused, and failing after its build or in
    /// dotnet ef, each recorded over the whole solution folder (docs/model.md is beside the .slnx). The project's
    /// migrations and diagram are moved aside for the failures and put back afterwards.
    /// </summary>
    private async Task RunInitCasesAsync(TemplateHive hive, EntityShop shop, Dictionary<string, EntityRun> runs)
    {
        runs[InitWithMigrations] = await RunStrataInAsync(InitWithMigrations, shop, shop.Root, "init");

        var aside = hive.CreateTempDirectory("init-aside");
        var migrations = Path.Combine(shop.ModelProjectDirectory, "Migrations");
        var diagram = Path.Combine(shop.Root, "docs", "model.md");
        Directory.Move(migrations, Path.Combine(aside, "Migrations"));
        File.Move(diagram, Path.Combine(aside, "model.md"));

        var brokenFile = Path.Combine(shop.ModelProjectDirectory, BrokenFile);
        await File.WriteAllTextAsync(brokenFile, "namespace Shop;\n\npublic sealed class Broken\n{\n    public int Value => ;\n}\n");
        runs[InitBuildFails] = await RunStrataInAsync(InitBuildFails, shop, shop.Root, "init");
        File.Delete(brokenFile);

        var unmappableFile = Path.Combine(shop.ModelProjectDirectory, UnmappableFile);
        await File.WriteAllTextAsync(
            unmappableFile,
            "using Microsoft.EntityFrameworkCore;\nusing Shop.Common;\n\nnamespace Shop;\n\npublic partial class ShopDbContext\n{\n    public DbSet<Widget> Widgets => Set<Widget>();\n}\n\n"
            + "public sealed class Widget : AuditableEntity\n{\n    public object Data { get; set; } = new();\n}\n");
        runs[InitEfFails] = await RunStrataInAsync(InitEfFails, shop, shop.Root, "init");
        File.Delete(unmappableFile);

        Directory.Move(Path.Combine(aside, "Migrations"), migrations);
        File.Move(Path.Combine(aside, "model.md"), diagram);
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

    private Task<EntityRun> RunStrataAsync(string caseName, EntityShop shop, params string[] arguments) =>
        RunStrataInAsync(caseName, shop, shop.ModelProjectDirectory, arguments);

    /// <summary><c>dotnet strata &lt;arguments&gt;</c> run in <paramref name="workingDirectory"/>, whose state is recorded.</summary>
    private async Task<EntityRun> RunStrataInAsync(string caseName, EntityShop shop, string workingDirectory, params string[] arguments)
    {
        var before = ProjectState.Capture(workingDirectory);
        var process = await shop.StrataInAsync(workingDirectory, arguments);
        var after = ProjectState.Capture(workingDirectory);
        Log($"{caseName}: {process.Duration.TotalSeconds:F1} s (exit {process.ExitCode})");
        return new EntityRun($"dotnet strata {string.Join(' ', arguments)}", process, before, after);
    }
}
