using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// Bad input to <c>dotnet new entity</c> fails with the documented exit code and a message naming the
/// problem, and leaves the project exactly as it was (file listing and content hashes, bin/obj aside);
/// the project still builds afterwards. See .template.config-docs/entity.md, "Refusals".
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed partial class EntityBadInputTests(TemplateHive hive, EntityBadInputFixture fixture) : IClassFixture<EntityBadInputFixture>
{
    private const int InvalidInputExit = 105;
    private const int WouldOverwriteExit = 73;
    private const int ConstraintNotMetExit = 100;

    /// <summary><c>dotnet strata</c>'s own exit code for bad input (dotnet new reports a failed post-action as 105).</summary>
    private const int ToolInvalidInputExit = 2;

    /// <summary><c>dotnet strata</c>'s exit code when a step after its checks failed (build, dotnet ef).</summary>
    private const int CommandFailedExit = 1;

    private Task<BadInputResults> ResultsAsync() => fixture.GetAsync(hive);

    [Theory]
    [InlineData("class")]
    [InlineData("1Order")]
    [InlineData("Order-Line")]
    public async Task A_name_that_is_not_a_PascalCase_identifier_is_refused_with_exit_105_one_error_line_and_nothing_written(string name)
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.InvalidName(name)];

        AssertRefused(run, InvalidInputExit, $"'{name}' is not a valid entity name");
    }

    [Fact]
    public async Task An_existing_entity_is_refused_with_exit_73_and_nothing_overwritten()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.Existing];

        Assert.True(run.Process.ExitCode == WouldOverwriteExit && !run.Process.TimedOut, run.Describe($"Expected exit {WouldOverwriteExit}."));
        Assert.True(run.Changes.Count == 0, run.Describe("Expected no change in the project."));
        Assert.True(
            run.Process.Output.Contains("Customer.cs", StringComparison.Ordinal) && run.Process.Output.Contains("--force", StringComparison.Ordinal),
            run.Describe("Expected the engine to name the file it would overwrite and mention --force."));
    }

    [Fact]
    public async Task An_unknown_parent_is_refused_with_exit_105_naming_it_and_nothing_written()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.UnknownParent];

        AssertRefused(run, InvalidInputExit, "there is no entity class Custmer in Shop");
    }

    [Fact]
    public async Task Outside_a_model_project_it_is_refused_with_exit_100_and_writes_nothing()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.Outside];

        Assert.True(run.Process.ExitCode == ConstraintNotMetExit && !run.Process.TimedOut, run.Describe($"Expected exit {ConstraintNotMetExit}."));
        Assert.True(run.Changes.Count == 0 && run.After.Entries.Count == 0, run.Describe("Expected the empty folder to stay empty."));
        Assert.True(run.Process.Output.Contains("No project was found", StringComparison.Ordinal), run.Describe("Expected the engine's message that no project was found."));
    }

    [Fact]
    public async Task Outside_a_model_project_with_force_the_template_still_refuses_with_exit_105_and_writes_nothing()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.OutsideForced];

        // No project means no tool manifest, so not even dotnet strata can run: the engine's own
        // constraint warning is the message.
        Assert.True(run.Process.ExitCode == InvalidInputExit && !run.Process.TimedOut, run.Describe($"Expected exit {InvalidInputExit}."));
        Assert.True(run.After.Entries.Count == 0, run.Describe("Expected the empty folder to stay empty."));
        Assert.True(run.Process.Output.Contains("No project was found", StringComparison.Ordinal), run.Describe("Expected the engine's warning that no project was found."));
    }

    [Fact]
    public async Task In_an_unrestored_model_project_it_is_refused_with_exit_100_saying_to_restore_and_writes_nothing()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.Unrestored];

        Assert.True(run.Process.ExitCode == ConstraintNotMetExit && !run.Process.TimedOut, run.Describe($"Expected exit {ConstraintNotMetExit}."));
        Assert.True(run.Changes.Count == 0, run.Describe("Expected no change in the project."));
        Assert.True(run.Process.Output.Contains("dotnet restore", StringComparison.Ordinal), run.Describe("Expected the message to say `dotnet restore`."));
    }

    [Fact]
    public async Task An_output_folder_inside_the_project_is_refused_with_exit_105_pointing_to_folder_and_leaves_no_folder_behind()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.OutputFolder];

        AssertRefused(run, InvalidInputExit, "pass --folder Sales for a subfolder");
    }

    [Fact]
    public async Task When_the_build_fails_after_the_edits_everything_is_put_back_and_the_command_to_rerun_is_printed()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.BuildFails];
        const string Rerun = "then run: dotnet new entity -n Order --fields \"Total:decimal{10,2}\" --parent Customer --allow-scripts yes";

        Assert.True(run.Process.ExitCode == InvalidInputExit && !run.Process.TimedOut, run.Describe($"Expected exit {InvalidInputExit}."));
        Assert.True(run.Changes.Count == 0, run.Describe("Expected the project as before: Customer.cs restored (no inverse collection), no Order files, no migration."));
        Assert.True(
            run.ErrorLines.Count == 1 && run.ErrorLines[0].Contains("does not build", StringComparison.Ordinal) && run.ErrorLines[0].Contains("nothing was added", StringComparison.Ordinal),
            run.Describe("Expected one `error:` line saying the project does not build and nothing was added."));
        Assert.True(run.Process.Output.Contains(Rerun, StringComparison.Ordinal), run.Describe($"Expected the command to rerun: `{Rerun}`."));
    }

    [Fact]
    public async Task A_parent_that_is_a_class_but_not_an_entity_is_refused_and_nothing_is_left_behind()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.NotAnEntityParent];

        AssertRefused(run, InvalidInputExit, "DesignTimeDbContextFactory");
    }

    [Fact]
    public async Task On_delete_SetNull_on_a_required_parent_is_refused_pointing_to_optional_parent()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.SetNullOnRequiredParent];

        AssertRefused(run, InvalidInputExit, "--optional-parent");
    }

    public static TheoryData<string, string> FieldCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (caseName, _, token) in EntityBadInputFixture.FieldCases)
        {
            cases.Add(caseName, token);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task A_bad_field_spec_is_refused_with_exit_105_one_error_line_naming_the_token_and_nothing_written(string caseName, string token)
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.FieldCase(caseName)];

        AssertRefused(run, InvalidInputExit, token);
    }

    [Theory]
    [InlineData(EntityBadInputFixture.AddFieldsUnknownEntity, "Gadget")]
    [InlineData(EntityBadInputFixture.AddFieldsExistingField, "Number")]
    [InlineData(EntityBadInputFixture.AddFieldsRequiredWithoutDefault, ":default(")]
    public async Task Add_fields_refuses_bad_input_with_exit_2_one_error_line_naming_the_problem_and_nothing_written(string caseName, string token)
    {
        var run = (await ResultsAsync())[caseName];

        AssertRefused(run, ToolInvalidInputExit, token);
    }

    [Fact]
    public async Task Init_refuses_a_project_that_already_has_migrations_with_exit_2_naming_the_fix_and_writes_nothing()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.InitWithMigrations];

        AssertRefused(run, ToolInvalidInputExit, "Shop already has migrations (Migrations/");
        Assert.Contains("dotnet ef migrations add <Name>", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EntityBadInputFixture.InitBuildFails, "Shop does not build (see the errors above), so no migration was written")]
    [InlineData(EntityBadInputFixture.InitEfFails, "dotnet ef migrations add failed (see above), so no migration was written")]
    public async Task Init_that_fails_after_its_checks_exits_1_with_one_error_line_and_leaves_no_migration_or_diagram(string caseName, string message)
    {
        var run = (await ResultsAsync())[caseName];

        AssertRefused(run, CommandFailedExit, message);
        Assert.EndsWith("then run: dotnet strata init", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(run.After.Entries.Keys, path => path.Contains("/Migrations", StringComparison.Ordinal) || path.StartsWith("docs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Skip_migration_adds_the_four_code_files_and_prints_the_migration_command_but_adds_no_migration()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.SkipMigration];

        Assert.True(run.Process.Succeeded, run.Describe("Expected exit 0."));
        Assert.Equal(
            ["Configurations/CustomerConfiguration.cs", $"DbSets/{EntityShop.DbContext}.Customers.cs", "Entities/Customer.cs", "Validators/CustomerValidator.cs"],
            run.Before.AddedFiles(run.After));
        Assert.True(
            !run.Changes.Any(change => change.Contains("Migrations/", StringComparison.Ordinal) || !change.StartsWith("added ", StringComparison.Ordinal)),
            run.Describe("Expected nothing but additions, and nothing under Migrations/."));
        Assert.True(run.Process.Output.Contains("dotnet ef migrations add AddCustomer", StringComparison.Ordinal), run.Describe("Expected the migration command to be printed."));
    }

    [Fact]
    public async Task Folder_Sales_writes_the_files_in_Sales_subfolders_with_Sales_namespaces()
    {
        var results = await ResultsAsync();
        var run = results[EntityBadInputFixture.Folder];

        Assert.True(run.Process.Succeeded, run.Describe("Expected exit 0."));
        Assert.Equal(
            ["Configurations/Sales/InvoiceConfiguration.cs", $"DbSets/{EntityShop.DbContext}.Invoices.cs", "Entities/Sales/Invoice.cs", "Validators/Sales/InvoiceValidator.cs"],
            run.Before.AddedFiles(run.After));
        Assert.Contains("namespace Shop.Entities.Sales;", results.Shop.ReadModelFile("Entities/Sales/Invoice.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace Shop.Configurations.Sales;", results.Shop.ReadModelFile("Configurations/Sales/InvoiceConfiguration.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace Shop.Validators.Sales;", results.Shop.ReadModelFile("Validators/Sales/InvoiceValidator.cs"), StringComparison.Ordinal);
        Assert.Contains("using Shop.Entities.Sales;", results.Shop.ReadModelFile($"DbSets/{EntityShop.DbContext}.Invoices.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plural_Staff_names_the_DbSet_and_sets_the_table_with_ToTable()
    {
        var results = await ResultsAsync();
        var run = results[EntityBadInputFixture.Plural];

        Assert.True(run.Process.Succeeded, run.Describe("Expected exit 0."));
        Assert.Contains("public DbSet<Employee> Staff => Set<Employee>();", results.Shop.ReadModelFile($"DbSets/{EntityShop.DbContext}.Staff.cs"), StringComparison.Ordinal);
        Assert.Contains("builder.ToTable(\"Staff\");", results.Shop.ReadModelFile("Configurations/EmployeeConfiguration.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_lists_every_file_the_template_would_create_in_the_folder_and_writes_nothing()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.DryRun];
        // The DbSet file is written by dotnet strata (the post-action, which a dry run does not run).
        string[] files = ["./Configurations/Sales/WidgetConfiguration.cs", "./Entities/Sales/Widget.cs", "./Validators/Sales/WidgetValidator.cs"];

        Assert.True(run.Process.Succeeded, run.Describe("Expected exit 0."));
        Assert.True(run.Changes.Count == 0, run.Describe("--dry-run should change nothing."));
        var unlisted = files.Where(file => !run.Process.StandardOutput.Contains($"Create: {file}", StringComparison.Ordinal)).ToList();
        Assert.True(unlisted.Count == 0, run.Describe($"--dry-run does not list: {string.Join(", ", unlisted)}"));
    }

    [Fact]
    public async Task The_project_still_builds_with_warnings_as_errors_after_every_refusal_and_the_skip_migration_entities()
    {
        var results = await ResultsAsync();

        Assert.True(results.FinalBuild.Succeeded, results.FinalBuild.Describe());
    }

    [Fact]
    public async Task Help_lists_every_option_with_its_description_and_choices()
    {
        var run = (await ResultsAsync())[EntityBadInputFixture.Help];
        var help = CollapseWhitespace(run.Process.StandardOutput);
        var configDirectory = Path.Combine(RepoPaths.ContentDirectory, "Entity", ".template.config");
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(configDirectory, "template.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(configDirectory, "dotnetcli.host.json")));
        var missing = new List<string>();

        foreach (var symbol in template.RootElement.GetProperty("symbols").EnumerateObject())
        {
            if (symbol.Value.GetProperty("type").GetString() != "parameter")
            {
                continue;
            }

            var option = "--" + (host.RootElement.GetProperty("symbolInfo").TryGetProperty(symbol.Name, out var info) && info.TryGetProperty("longName", out var longName)
                ? longName.GetString()
                : symbol.Name);
            if (!Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(option)}([\s<]|$)"))
            {
                missing.Add($"option {option}");
            }

            var description = CollapseWhitespace(symbol.Value.GetProperty("description").GetString() ?? "");
            if (description.Length == 0 || !help.Contains(description, StringComparison.Ordinal))
            {
                missing.Add($"description of {option}: \"{description}\"");
            }

            if (symbol.Value.TryGetProperty("choices", out var choices))
            {
                missing.AddRange(choices.EnumerateArray()
                    .Select(choice => choice.GetProperty("choice").GetString()!)
                    .Where(choice => !help.Contains(choice, StringComparison.Ordinal))
                    .Select(choice => $"choice {choice} of {option}"));
            }
        }

        Assert.True(run.Process.Succeeded, run.Describe("`dotnet new entity -h` should exit 0."));
        Assert.True(run.Changes.Count == 0, run.Describe("-h should change nothing."));
        Assert.True(missing.Count == 0, $"`dotnet new entity -h` does not show:\n  {string.Join("\n  ", missing)}\n{run.Process.Describe()}");
    }

    /// <summary>A refusal: the exit code, exactly one `error:` line containing <paramref name="message"/>, and no change in the project.</summary>
    private static void AssertRefused(EntityRun run, int exitCode, string message)
    {
        Assert.True(run.Process.ExitCode == exitCode && !run.Process.TimedOut, run.Describe($"Expected exit {exitCode}."));
        Assert.True(
            run.ErrorLines.Count == 1 && run.ErrorLines[0].Contains(message, StringComparison.Ordinal),
            run.Describe($"Expected exactly one `error:` line, containing \"{message}\"; found {run.ErrorLines.Count}."));
        Assert.True(run.Changes.Count == 0, run.Describe("Expected no change in the project (no file or folder added, changed or removed)."));
    }

    private static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
