using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.ModelProject;

/// <summary><c>dotnet new modelproject</c>'s help and its refusal of invalid input, from the real engine.</summary>
[Collection(TemplateHiveCollection.Name)]
public sealed partial class ModelProjectCommandLineTests(TemplateHive hive, ModelProjectHelpFixture help) : IClassFixture<ModelProjectHelpFixture>
{
    [Fact]
    public async Task Help_lists_every_template_option_with_its_description()
    {
        var run = await HelpAsync();

        Assert.True(run.Result.Succeeded, run.Result.Describe());
        var text = CollapseWhitespace(run.Result.StandardOutput);
        var missing = TemplateSymbols()
            .Where(symbol => !text.Contains(CollapseWhitespace(symbol.Description), StringComparison.Ordinal))
            .Select(symbol => $"{symbol.Name}: \"{symbol.Description}\"")
            .ToList();
        Assert.True(missing.Count == 0, $"Help lacks the description of:\n  {string.Join("\n  ", missing)}\n{run.Result.Describe()}");
        Assert.Empty(run.CreatedEntries);
    }

    [Theory]
    [InlineData("-db, --database <choice>")]
    [InlineData("--no-sample")]
    [InlineData("--audit-user")]
    [InlineData("--soft-delete")]
    [InlineData("Sqlite SQLite (embedded; the default)")]
    [InlineData("SqlServer Microsoft SQL Server / Azure SQL")]
    [InlineData("PostgreSql PostgreSQL (Npgsql)")]
    [InlineData("Default: Sqlite")]
    public async Task Help_shows_the_option_names_and_choices(string expected)
    {
        var run = await HelpAsync();

        Assert.True(
            CollapseWhitespace(run.Result.StandardOutput).Contains(expected, StringComparison.Ordinal),
            $"Help does not show \"{expected}\":\n{run.Result.Describe()}");
    }

    [Theory]
    [InlineData("'Oracle' is not a valid value for --database", "modelproject", "--database", "Oracle")]
    [InlineData("'Oracle' is not a valid value for -db", "modelproject", "-n", "Shop", "-db", "Oracle")]
    [InlineData("Name cannot contain any of the following characters '/'", "modelproject", "-n", "a/b")]
    [InlineData("'--no-such-option' is not a valid option", "modelproject", "-n", "Shop", "--no-such-option")]
    public async Task Invalid_input_fails_with_the_engine_message_exit_code_127_and_creates_nothing(string expectedMessage, params string[] arguments)
    {
        var run = await RunInEmptyDirectoryAsync(arguments);

        Assert.True(run.Result.ExitCode == 127 && !run.Result.TimedOut, $"Expected exit code 127:\n{run.Result.Describe()}");
        Assert.True(run.Result.StandardError.Contains(expectedMessage, StringComparison.Ordinal), $"Expected \"{expectedMessage}\" on stderr:\n{run.Result.Describe()}");
        Assert.True(run.CreatedEntries.Count == 0, $"The failed run created: {string.Join(", ", run.CreatedEntries)}");
    }

    [Fact]
    public async Task An_invalid_database_lists_the_three_valid_choices()
    {
        var run = await RunInEmptyDirectoryAsync("modelproject", "--database", "Oracle");

        foreach (var choice in new[] { "Sqlite", "SqlServer", "PostgreSql" })
        {
            Assert.Matches(ChoiceLine(choice), run.Result.StandardError);
        }
    }

    [Fact]
    public async Task When_the_tools_cannot_be_restored_dotnet_new_exits_105_says_what_to_run_and_writes_no_migration()
    {
        // As offline: the only package source is a folder that does not exist, and the NuGet packages folder and the
        // CLI home (where a restored tool would be found without a source) are new and empty.
        var directory = hive.CreateTempDirectory("modelproject-offline");
        await File.WriteAllTextAsync(
            Path.Combine(directory, "NuGet.config"),
            $"<configuration><packageSources><clear /><add key=\"unreachable\" value=\"{Path.Combine(directory, "no-such-feed")}\" /></packageSources></configuration>");
        var offline = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = hive.CreateTempDirectory("offline-nuget-packages"),
            ["DOTNET_CLI_HOME"] = hive.CreateTempDirectory("offline-cli-home"),
        };

        var result = await hive.RunDotnetAsync(
            directory,
            ["new", "modelproject", "-n", "Shop", "--allow-scripts", "yes", "--debug:custom-hive", hive.HiveDirectory],
            GeneratedProject.CreationTimeout,
            offline);

        Assert.True(result.ExitCode == 105 && !result.TimedOut, $"Expected exit code 105 (a post-action failed):\n{result.Describe()}");
        Assert.Contains("run dotnet tool restore, then dotnet strata init", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running command 'dotnet strata init'", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "Shop", "src", "Shop", "Shop.csproj")), $"The template's files should be written:\n{result.Describe()}");
        Assert.False(Directory.Exists(Path.Combine(directory, "Shop", "src", "Shop", "Migrations")), "No migration may be written when the tools are missing.");
        Assert.False(File.Exists(Path.Combine(directory, "Shop", "docs", "model.md")), "No diagram may be written when the tools are missing.");
    }

    /// <summary><c>dotnet new modelproject -h</c>, run once for the class.</summary>
    private Task<(ProcessResult Result, IReadOnlyList<string> CreatedEntries)> HelpAsync() =>
        help.GetAsync(() => RunInEmptyDirectoryAsync("modelproject", "-h"));

    private async Task<(ProcessResult Result, IReadOnlyList<string> CreatedEntries)> RunInEmptyDirectoryAsync(params string[] arguments)
    {
        var directory = hive.CreateTempDirectory("modelproject-cli");
        var result = await hive.RunDotnetNewAsync(directory, arguments);
        var created = Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .ToList();
        return (result, created);
    }

    /// <summary>The user-facing parameters of template.json (name and description).</summary>
    private static List<(string Name, string Description)> TemplateSymbols()
    {
        var templateJson = Path.Combine(RepoPaths.ContentDirectory, "ModelProject", ".template.config", "template.json");
        using var document = JsonDocument.Parse(File.ReadAllText(templateJson));
        var symbols = document.RootElement.GetProperty("symbols").EnumerateObject()
            .Where(symbol => symbol.Value.GetProperty("type").GetString() == "parameter")
            .Select(symbol => (symbol.Name, symbol.Value.GetProperty("description").GetString() ?? ""))
            .ToList();
        Assert.NotEmpty(symbols);
        return symbols;
    }

    private static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    private static Regex ChoiceLine(string choice) => new($@"^\s+{choice}\s+- ", RegexOptions.Multiline);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>Keeps the output of <c>dotnet new modelproject -h</c> for all tests of the class.</summary>
public sealed class ModelProjectHelpFixture
{
    private readonly Lock _gate = new();
    private Task<(ProcessResult Result, IReadOnlyList<string> CreatedEntries)>? _help;

    public Task<(ProcessResult Result, IReadOnlyList<string> CreatedEntries)> GetAsync(Func<Task<(ProcessResult Result, IReadOnlyList<string> CreatedEntries)>> run)
    {
        lock (_gate)
        {
            return _help ??= run();
        }
    }
}
