using Strata.Templates.Tests.Diagrams;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// docs/model.md (issue 12) after dotnet new entity and add-fields: redrawn by the last command and valid Mermaid by the
/// real parser. Here rather than in ModelDiagramTests so the SQLite entity project is created once per run.
/// </summary>
public sealed partial class SqliteEntityTests
{
    [SkippableFact]
    public async Task Entities_and_added_fields_are_drawn_in_docs_model_md_and_Mermaid_parses_the_result()
    {
        var shop = (await Fixture.GetAsync(Hive)).Shop;
        var path = Path.Combine(shop.Root, "docs", "model.md");
        var text = File.ReadAllText(path);

        foreach (var table in EntityProjectFixture.Tables)
        {
            Assert.Contains($"    {table} {{\n", text);
        }

        // The columns of add-fields (ProductFields.AddedSpec): the diagram was redrawn after the last command.
        Assert.Contains("TEXT Barcode UK \"max length 13\"\n", text);
        Assert.Contains("TEXT Queue \"NOT NULL, max length 20\"\n", text);
        await MermaidParser.AssertParsesAsync(path);
    }
}
