using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>
/// Issue 11: on SQL Server a foreign key that makes a cycle or a second path of cascading deletes fails when the
/// migration runs (error 1785); the tool refuses it before writing anything. SQLite and PostgreSQL accept such models.
/// </summary>
public sealed class CascadePathTests
{
    /// <summary>A (Supplier's place) with children B and C (parents: cascade), then D referring to both with :cascade.</summary>
    private static void Diamond(FakeModelProject project, string dFields)
    {
        RelationshipTests.NewEntity(project, "Area", "Name");
        RelationshipTests.NewEntity(project, "Bay", "Name", parent: "Area");
        RelationshipTests.NewEntity(project, "Crate", "Name", parent: "Area");
        project.WriteSkeletons("Drum");
        NewEntityCommand.Run(new NewEntityOptions { Name = "Drum", Fields = dFields, SkipMigration = true }, project.Directory);
    }

    [Fact]
    public void Two_cascade_paths_are_refused_on_SQL_Server_naming_both_and_the_fix()
    {
        using var project = new FakeModelProject(database: "SqlServer");
        var error = Assert.Throws<InputException>(() =>
        {
            RelationshipTests.NewEntity(project, "Area", "Name");
            RelationshipTests.NewEntity(project, "Bay", "Name", parent: "Area");
            RelationshipTests.NewEntity(project, "Crate", "Name", parent: "Area");
            var before = project.Hash();
            project.WriteSkeletons("Drum");
            try
            {
                NewEntityCommand.Run(new NewEntityOptions { Name = "Drum", Fields = "Bay:references:cascade Crate:references:cascade", SkipMigration = true }, project.Directory);
            }
            finally
            {
                Assert.Equal(before, project.Hash());
            }
        });

        Assert.Equal(
            "field 'Bay:references:cascade': on SQL Server deleting an Area would reach Drum along two cascade paths (Area → Bay.Area → Drum.Bay and Area → Crate.Area → Drum.Crate), which SQL Server refuses (error 1785); make one of them restrict, e.g. write Bay:references:restrict.",
            error.Message);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public void Other_providers_accept_two_cascade_paths(string database)
    {
        using var project = new FakeModelProject(database: database);
        Diamond(project, "Bay:references:cascade Crate:references:cascade");
        Assert.Contains("DeleteBehavior.Cascade", project.Read("Configurations/DrumConfiguration.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_second_path_is_accepted_on_SQL_Server()
    {
        using var project = new FakeModelProject(database: "SqlServer");
        // One path cascades, the other restricts (the default for a reference); a self-reference restricts too.
        Diamond(project, "Bay:references:cascade Crate:references Previous:references{Drum}?");
        var configuration = project.Read("Configurations/DrumConfiguration.cs");
        Assert.Contains(".OnDelete(DeleteBehavior.Cascade);", configuration, StringComparison.Ordinal);
        Assert.Contains(".OnDelete(DeleteBehavior.Restrict);", configuration, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Previous:references{Drum}?:cascade", "field 'Previous:references{Drum}?:cascade': on SQL Server deleting a Drum would cascade round a cycle (Drum → Drum.Previous), which SQL Server refuses (error 1785); write Previous:references{Drum}?:restrict instead.")]
    [InlineData("Previous:references{Drum}?:setnull", "write Previous:references{Drum}?:restrict instead")]
    public void A_cascading_self_reference_is_refused_on_SQL_Server(string fields, string expected)
    {
        using var project = new FakeModelProject(database: "SqlServer");
        var before = project.Hash();
        project.WriteSkeletons("Drum");
        var error = Assert.Throws<InputException>(() => NewEntityCommand.Run(new NewEntityOptions { Name = "Drum", Fields = fields, SkipMigration = true }, project.Directory));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, project.Hash());
    }

    [Fact]
    public void The_graph_reads_parents_join_keys_and_ignores_restricted_keys()
    {
        using var project = new FakeModelProject(database: "SqlServer");
        RelationshipTests.NewEntity(project, "Catalog", "Name Products:many{Product}");
        RelationshipTests.NewEntity(project, "Shelf", "Name", parent: "Catalog");

        var graph = Project.CascadeGraph.Read(Project.ModelProject.Find(null, project.Directory));

        Assert.Equal(
            ["Catalog → CatalogProduct (CatalogProduct.Catalog)", "Catalog → Shelf (Shelf.Catalog)", "Product → CatalogProduct (CatalogProduct.Product)"],
            graph.Edges.Select(edge => $"{edge.Principal} → {edge.Dependent} ({edge.Navigation})").Order(StringComparer.Ordinal));
    }
}
