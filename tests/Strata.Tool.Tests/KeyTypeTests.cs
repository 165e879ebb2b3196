using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>Issue 13: every foreign key the tool writes has the project's key type (StrataIdType: int, long or guid).</summary>
public sealed class KeyTypeTests
{
    [Theory]
    [InlineData("guid", "Guid")]
    [InlineData("long", "long")]
    [InlineData("int", "int")]
    [InlineData(null, "int")]
    public void The_parent_key_a_reference_and_a_join_table_take_the_projects_key_type(string? idType, string keyType)
    {
        using var project = new FakeModelProject(idType: idType);
        project.WriteSkeletons("Order");
        NewEntityCommand.Run(
            new NewEntityOptions { Name = "Order", Parent = "Supplier", Fields = "Buyer:references{Product}? Lines:many{Product}", SkipMigration = true },
            project.Directory);

        var order = project.Read("Entities/Order.cs");
        Assert.Contains($"public {keyType} SupplierId {{ get; set; }}", order, StringComparison.Ordinal);
        Assert.Contains($"public {keyType}? BuyerId {{ get; set; }}", order, StringComparison.Ordinal);
        var join = project.Read("Entities/OrderProduct.cs");
        Assert.Contains($"public {keyType} OrderId {{ get; set; }}", join, StringComparison.Ordinal);
        Assert.Contains($"public {keyType} ProductId {{ get; set; }}", join, StringComparison.Ordinal);
        // The sample's own foreign key, as the template wrote it for this key type.
        Assert.Contains($"public {keyType} SupplierId {{ get; set; }}", project.Read("Entities/Product.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_fields_writes_a_reference_with_the_projects_key_type()
    {
        using var project = new FakeModelProject(idType: "guid");

        AddFieldsCommand.Run("Product", "Replacement:references{Product}?", projectOption: null, skipMigration: true, project.Directory);

        Assert.Contains("public Guid? ReplacementId { get; set; }", project.Read("Entities/Product.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_made_before_StrataIdType_keeps_the_type_of_BaseEntity_Id()
    {
        using var project = new FakeModelProject();
        project.Write("Common/BaseEntity.cs", """
            namespace Shop.Common;

            public abstract class BaseEntity
            {
                public long Id { get; private set; }
            }
            """);
        project.WriteSkeletons("Order");

        NewEntityCommand.Run(new NewEntityOptions { Name = "Order", Parent = "Supplier", SkipMigration = true }, project.Directory);

        Assert.Contains("public long SupplierId { get; set; }", project.Read("Entities/Order.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_StrataIdType_is_refused_naming_the_choices_and_nothing_is_written()
    {
        using var project = new FakeModelProject(idType: "uuid");
        var before = project.Hash();
        project.WriteSkeletons("Order");

        var error = Assert.Throws<InputException>(() =>
            NewEntityCommand.Run(new NewEntityOptions { Name = "Order", Parent = "Supplier", SkipMigration = true }, project.Directory));

        Assert.Equal("Shop.csproj: StrataIdType 'uuid' is not a key type; set it to int, long or guid (the type of BaseEntity.Id).", error.Message);
        Assert.Equal(before, project.Hash());
    }
}
