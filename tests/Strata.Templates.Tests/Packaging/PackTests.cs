using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Packaging;

[Collection(TemplateHiveCollection.Name)]
public sealed class PackTests(TemplateHive hive)
{
    [Fact]
    public void Packing_produces_the_Strata_Templates_package()
    {
        Assert.True(File.Exists(hive.PackagePath), $"No package at {hive.PackagePath}");
        Assert.Equal("Strata.Templates.0.1.0.nupkg", Path.GetFileName(hive.PackagePath));
    }

    [Fact]
    public void Packing_the_solution_also_produces_the_Strata_Tool_package_at_the_same_version()
    {
        Assert.True(File.Exists(hive.ToolPackagePath), $"No tool package at {hive.ToolPackagePath}");
        Assert.Equal("Strata.Tool.0.1.0.nupkg", Path.GetFileName(hive.ToolPackagePath));
    }

    [Fact]
    public void The_tool_package_is_a_DotnetTool_whose_command_is_dotnet_strata()
    {
        var metadata = ReadNuspecMetadata(hive.ToolPackagePath);
        using var package = ZipFile.OpenRead(hive.ToolPackagePath);
        var settings = package.Entries.Single(entry => entry.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = settings.Open();
        var commands = XDocument.Load(stream).Descendants("Command").Select(command => (string?)command.Attribute("Name"));

        Assert.Equal(["DotnetTool"], metadata.Descendants(metadata.Name.Namespace + "packageType").Select(element => (string?)element.Attribute("name")));
        Assert.Equal(["dotnet-strata"], commands);
    }

    [Fact]
    public void The_generated_tool_manifest_pins_the_tool_at_the_version_just_packed_beside_dotnet_ef()
    {
        using var package = ZipFile.OpenRead(hive.PackagePath);
        var entry = package.GetEntry("content/ModelProject/.config/dotnet-tools.json");
        Assert.NotNull(entry);
        using var stream = entry.Open();
        using var manifest = JsonDocument.Parse(stream);
        var tools = manifest.RootElement.GetProperty("tools");
        var toolMetadata = ReadNuspecMetadata(hive.ToolPackagePath);
        var templatesMetadata = ReadNuspecMetadata();
        var toolVersion = toolMetadata.Element(toolMetadata.Name.Namespace + "version")?.Value;

        Assert.Equal(templatesMetadata.Element(templatesMetadata.Name.Namespace + "version")?.Value, toolVersion);
        Assert.True(tools.TryGetProperty("dotnet-ef", out _), "The manifest must keep dotnet-ef.");
        Assert.True(tools.TryGetProperty("strata.tool", out var strata), $"The manifest does not pin strata.tool:\n{tools}");
        Assert.Equal(toolVersion, strata.GetProperty("version").GetString());
        Assert.Equal(["dotnet-strata"], strata.GetProperty("commands").EnumerateArray().Select(command => command.GetString()));
    }

    [Fact]
    public void The_package_no_longer_ships_the_add_entity_scripts()
    {
        var scripts = ReadEntryNames().Where(name => name.Contains("add-entity", StringComparison.Ordinal)).ToList();

        Assert.Empty(scripts);
    }

    [Fact]
    public void The_package_ships_no_migration_or_diagram_so_its_files_do_not_multiply_with_the_options()
    {
        // dotnet strata init writes both in the user's project, for the options chosen (issue 13).
        var generated = ReadEntryNames()
            .Where(name => name.StartsWith("content/ModelProject/", StringComparison.Ordinal))
            .Where(name => name.Contains("/Migrations/", StringComparison.Ordinal) || name.Contains("InitialCreate", StringComparison.Ordinal)
                || name.Contains("/_migrations/", StringComparison.Ordinal) || name.Contains("/_diagrams/", StringComparison.Ordinal) || name.EndsWith("/docs/model.md", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(generated);
    }

    [Fact]
    public void The_modelproject_post_actions_restore_the_tools_then_run_dotnet_strata_init_and_say_what_to_run_by_hand()
    {
        using var package = ZipFile.OpenRead(hive.PackagePath);
        using var stream = package.GetEntry("content/ModelProject/.template.config/template.json")!.Open();
        using var template = JsonDocument.Parse(stream);
        var actions = template.RootElement.GetProperty("postActions").EnumerateArray().ToList();

        Assert.Equal(
            ["dotnet tool restore", "dotnet strata init"],
            actions.Select(action => $"{action.GetProperty("args").GetProperty("executable").GetString()} {action.GetProperty("args").GetProperty("args").GetString()}"));
        Assert.All(actions, action =>
        {
            Assert.False(action.GetProperty("continueOnError").GetBoolean());
            var instructions = string.Join(" ", action.GetProperty("manualInstructions").EnumerateArray().Select(instruction => instruction.GetProperty("text").GetString()));
            Assert.Contains("run dotnet tool restore, then dotnet strata init", instructions, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_package_is_of_type_Template()
    {
        var metadata = ReadNuspecMetadata();

        var packageTypes = metadata.Descendants(metadata.Name.Namespace + "packageType").Select(element => (string?)element.Attribute("name"));

        Assert.Equal(["Template"], packageTypes);
    }

    [Fact]
    public void The_nuspec_has_an_MIT_license_expression_a_readme_and_the_tags()
    {
        var metadata = ReadNuspecMetadata();
        var nuspec = metadata.Name.Namespace;

        var license = metadata.Element(nuspec + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", metadata.Element(nuspec + "readme")?.Value);
        Assert.Contains("README.md", ReadEntryNames());

        var tags = (metadata.Element(nuspec + "tags")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dotnet-new", "templates", "efcore", "entity-framework", "migrations"], tags);
    }

    [Theory]
    [InlineData("content/ModelProject/.template.config/template.json")]
    [InlineData("content/Entity/.template.config/template.json")]
    public void The_package_contains_the_template_definition(string entryName)
    {
        Assert.Contains(entryName, ReadEntryNames());
    }

    [Fact]
    public void The_package_contains_no_build_output()
    {
        var buildOutput = ReadEntryNames()
            .Where(name => name.Split('/').SkipLast(1).Any(segment => segment is "bin" or "obj") || name.StartsWith("lib/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(buildOutput);
    }

    private List<string> ReadEntryNames()
    {
        using var package = ZipFile.OpenRead(hive.PackagePath);
        return package.Entries.Select(entry => entry.FullName).ToList();
    }

    /// <summary>The nuspec's &lt;metadata&gt; element (its XML namespace depends on the NuGet version that packed it).</summary>
    private XElement ReadNuspecMetadata(string? packagePath = null)
    {
        using var package = ZipFile.OpenRead(packagePath ?? hive.PackagePath);
        var nuspec = package.Entries.Single(entry => !entry.FullName.Contains('/') && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }
}
