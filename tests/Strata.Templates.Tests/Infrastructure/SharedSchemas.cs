using System.Text.Json;
using Json.Schema;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// The template engine's JSON schemas (template.json, ide.host.json, dotnetcli.host.json) from
/// ../shared/schemas/ beside the repository. Where that folder is absent, <see cref="LoadOrSkip"/>
/// skips the calling test.
/// </summary>
public sealed class SharedSchemas
{
    public const string MissingReason = "../shared/schemas not found beside the repo";

    /// <summary>The file names the schemas validate, which are also the schemas' own file names.</summary>
    public static readonly IReadOnlyList<string> SchemaFileNames = ["template.json", "ide.host.json", "dotnetcli.host.json"];

    private static readonly Uri Draft04Id = new("http://json-schema.org/draft-04/schema#");

    private static readonly Lazy<SharedSchemas?> LazyInstance = new(Load);

    private readonly Dictionary<string, JsonSchema> _schemasByFileName;

    private SharedSchemas(Dictionary<string, JsonSchema> schemasByFileName) => _schemasByFileName = schemasByFileName;

    /// <summary>../shared/schemas, or <see langword="null"/> when this checkout has none beside it.</summary>
    public static string? Directory =>
        RepoPaths.SharedDirectory is { } shared && System.IO.Directory.Exists(Path.Combine(shared, "schemas"))
            ? Path.Combine(shared, "schemas")
            : null;

    /// <summary>The loaded schemas; skips the calling test when ../shared/schemas is absent.</summary>
    public static SharedSchemas LoadOrSkip() => LazyInstance.Value ?? throw new SkipException(MissingReason);

    /// <summary>The schema for a file named <paramref name="fileName"/> (one of <see cref="SchemaFileNames"/>).</summary>
    public JsonSchema For(string fileName) =>
        _schemasByFileName.TryGetValue(fileName, out var schema)
            ? schema
            : throw new ArgumentException($"No schema for '{fileName}': expected one of {string.Join(", ", SchemaFileNames)}.", nameof(fileName));

    /// <summary>
    /// Validates <paramref name="instance"/> against the schema for <paramref name="fileName"/>;
    /// returns one line per error (instance location, schema path, message), none when valid.
    /// </summary>
    public IReadOnlyList<string> Validate(string fileName, JsonElement instance)
    {
        var result = For(fileName).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? [result])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (the validator reported no detail)"];
    }

    private static SharedSchemas? Load()
    {
        if (Directory is not { } directory)
        {
            return null;
        }

        // dotnetcli.host.json declares draft-04, which JsonSchema.Net does not implement. The
        // keywords it uses mean the same in draft-07, so draft-04 is registered as draft-07 under
        // draft-04's URI. Each schema gets its own registries, so nothing touches the global ones.
        var schemas = SchemaFileNames.ToDictionary(
            fileName => fileName,
            fileName => JsonSchema.FromFile(Path.Combine(directory, fileName), CreateBuildOptions()));
        return new SharedSchemas(schemas);
    }

    private static BuildOptions CreateBuildOptions()
    {
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With([], Draft04Id, allowUnknownKeywords: true));
        return new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = dialects, Dialect = Dialect.Draft07 };
    }
}
