using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Diagrams;

/// <summary>
/// docs/model.md (issue 12): written with a new project (by dotnet strata init), redrawn by dotnet new entity and
/// add-fields, and valid Mermaid by the real parser. That it matches the model is the generated project's own
/// ModelDiagramTests (run with the generated tests); these prove what a reviewer and a renderer see. The diagram after
/// dotnet new entity and add-fields is proven in SqliteEntityTests (SqliteEntityTests.Diagram.cs), which owns the SQLite
/// entity project: a second SqliteEntityFixture here would run the whole entity sequence again.
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed class ModelDiagramTests(TemplateHive hive, SqliteShopFixture shop) : IClassFixture<SqliteShopFixture>
{
    [SkippableFact]
    public async Task A_new_project_has_a_docs_model_md_that_Mermaid_parses()
    {
        var project = await shop.GetAsync(hive);
        var path = Path.Combine(project.Root, "docs", "model.md");

        Assert.True(File.Exists(path), "dotnet new modelproject did not write docs/model.md.");
        var text = File.ReadAllText(path);
        Assert.Contains("Suppliers ||--o{ Products : \"SupplierId: ON DELETE RESTRICT\"", text);
        Assert.Contains("TEXT Address_CountryCode \"NOT NULL, max length 2\"\n", text);
        Assert.Contains("[docs/model.md](docs/model.md)", File.ReadAllText(Path.Combine(project.Root, "README.md")));
        await MermaidParser.AssertParsesAsync(path);
    }
}
