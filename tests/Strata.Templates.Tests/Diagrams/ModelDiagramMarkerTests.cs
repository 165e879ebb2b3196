using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Diagrams;

/// <summary>
/// docs/model.md claims only what the database holds: soft delete limits unique indexes to the live rows, so those columns
/// are noted with the filter instead of UK, and PostgreSQL's xmin (the concurrency token; no migration creates it) is drawn
/// as a system column. The generated project's ModelDiagramTests check the same rules on whatever model it has.
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed class ModelDiagramMarkerTests(TemplateHive hive, PostgreSqlShopFixture postgreSql, SqlServerShopFixture sqlServer)
    : IClassFixture<PostgreSqlShopFixture>, IClassFixture<SqlServerShopFixture>
{
    [SkippableFact]
    public async Task On_PostgreSQL_xmin_is_a_system_column_and_a_soft_delete_unique_index_is_not_UK()
    {
        var path = Path.Combine((await postgreSql.GetAsync(hive)).Root, "docs", "model.md");
        var diagram = ErDiagram(path);

        Assert.Contains("        xid xmin \"system column, not created by migrations, concurrency token\"\n", diagram);
        Assert.Contains("        character_varying(32) Sku \"NOT NULL, unique where DeletedAt IS NULL\"\n", diagram);
        Assert.Contains("        character_varying(20) Code \"NOT NULL, unique where DeletedAt IS NULL\"\n", diagram);
        Assert.DoesNotContain(" UK", diagram);
        await MermaidParser.AssertParsesAsync(path);
    }

    [SkippableFact]
    public async Task On_SQL_Server_the_rowversion_is_a_created_column_and_a_soft_delete_unique_index_is_not_UK()
    {
        var path = Path.Combine((await sqlServer.GetAsync(hive)).Root, "docs", "model.md");
        var diagram = ErDiagram(path);

        Assert.Contains("        rowversion Version \"NOT NULL\"\n", diagram);
        Assert.Contains("        nvarchar(32) Sku \"NOT NULL, unique where [DeletedAt] IS NULL\"\n", diagram);
        Assert.DoesNotContain("system column", diagram);
        Assert.DoesNotContain(" UK", diagram);
        await MermaidParser.AssertParsesAsync(path);
    }

    /// <summary>The Mermaid block of docs/model.md (the text above it explains the markers, UK included).</summary>
    private static string ErDiagram(string path)
    {
        Assert.True(File.Exists(path), $"dotnet new modelproject did not write {path}.");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no Mermaid block.");
        return text[start..];
    }
}
