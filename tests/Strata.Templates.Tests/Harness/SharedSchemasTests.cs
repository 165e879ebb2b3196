using System.Text.Json;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Harness;

public sealed class SharedSchemasTests
{
    [SkippableTheory]
    [InlineData("template.json", """{ "author": "Strata", "identity": "Strata.Probe", "name": "Probe", "shortName": "probe", "classifications": ["Test"], "tags": { "language": "C#", "type": "item" } }""")]
    [InlineData("ide.host.json", """{ "icon": "icon.png", "symbolInfo": [] }""")]
    [InlineData("dotnetcli.host.json", """{ "symbolInfo": { "Name": { "longName": "name", "shortName": "n" } } }""")]
    public void A_well_formed_file_is_valid(string fileName, string json)
    {
        var errors = Validate(fileName, json);

        Assert.True(errors.Count == 0, $"Expected {json} to be valid against {fileName}:\n  {string.Join("\n  ", errors)}");
    }

    [SkippableTheory]
    [InlineData("template.json", """{ "identity": 42 }""")]
    [InlineData("ide.host.json", """{ "icon": 7 }""")]
    [InlineData("dotnetcli.host.json", """{ "symbolInfo": { "Name": { "isHidden": "sometimes" } } }""")]
    public void A_malformed_file_is_invalid(string fileName, string json)
    {
        Assert.NotEmpty(Validate(fileName, json));
    }

    private static IReadOnlyList<string> Validate(string fileName, string json)
    {
        using var document = JsonDocument.Parse(json);
        return SharedSchemas.LoadOrSkip().Validate(fileName, document.RootElement);
    }
}
