using System.Text.Json;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.TemplateConfig;

/// <summary>Every content/*/.template.config/{template,ide.host,dotnetcli.host}.json is valid against its published schema.</summary>
public sealed class TemplateConfigSchemaTests
{
    /// <summary>Paths relative to the repository root, '/'-separated.</summary>
    public static TheoryData<string> TemplateConfigFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in FindTemplateConfigFiles())
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, path).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return data;
    }

    [Fact]
    public void At_least_one_template_json_exists()
    {
        var templateJsonFiles = FindTemplateConfigFiles().Where(path => Path.GetFileName(path) == "template.json");

        Assert.NotEmpty(templateJsonFiles);
    }

    [SkippableTheory]
    [MemberData(nameof(TemplateConfigFiles))]
    public void Template_config_file_is_valid_against_its_schema(string relativePath)
    {
        var schemas = SharedSchemas.LoadOrSkip();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));

        var errors = schemas.Validate(Path.GetFileName(relativePath), document.RootElement);

        Assert.True(errors.Count == 0, $"{relativePath} does not match its schema:\n  {string.Join("\n  ", errors)}");
    }

    private static IEnumerable<string> FindTemplateConfigFiles()
    {
        if (!Directory.Exists(RepoPaths.ContentDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(RepoPaths.ContentDirectory)
            .Select(template => Path.Combine(template, ".template.config"))
            .SelectMany(config => SharedSchemas.SchemaFileNames.Select(fileName => Path.Combine(config, fileName)))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
    }
}
