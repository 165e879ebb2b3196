using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary><c>dotnet strata remove</c> on the code (--skip-migration: no build, no migration).</summary>
public sealed class RemoveTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private void Remove(string entity) => RemoveCommand.Run(entity, null, skipMigration: true, _project.Directory);

    [Theory]
    [InlineData("Name:string{100} Manager:references{Employee}? Status:enum{Active,Left} Supplier:references")]
    [InlineData("Number:string{20} Supplier:references:uniq")]
    [InlineData("Name Products:many{Product} Favorite:references{Product}?")]
    public void Removing_a_new_entity_puts_every_file_back_as_it_was(string fields)
    {
        var before = _project.Hash();
        RelationshipTests.NewEntity(_project, "Employee", fields);
        Assert.NotEqual(before, _project.Hash());

        Remove("Employee");

        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Removes_only_its_navigations_from_a_class_the_user_has_edited()
    {
        RelationshipTests.NewEntity(_project, "Catalog", "Name Products:many{Product}");
        var product = _project.Read("Entities/Product.cs");
        // The user adds code after the scaffolder's.
        _project.Write("Entities/Product.cs", product.Replace(
            "    public ICollection<Catalog> Catalogs { get; } = [];\n",
            "    public ICollection<Catalog> Catalogs { get; } = [];\n\n    // Mine.\n    public bool IsFeatured => Price > 100;\n",
            StringComparison.Ordinal));

        Remove("Catalog");

        Assert.EndsWith("""
                public Supplier Supplier { get; set; } = null!;

                // Mine.
                public bool IsFeatured => Price > 100;
            }

            """, _project.Read("Entities/Product.cs"), StringComparison.Ordinal);
        Assert.False(File.Exists(_project.Path("Entities/CatalogProduct.cs")));
        Assert.False(File.Exists(_project.Path("Configurations/CatalogProductConfiguration.cs")));
        Assert.False(File.Exists(_project.Path("DbSets/ShopDbContext.Catalogs.cs")));
    }

    [Fact]
    public void An_entity_in_a_folder_leaves_no_folder_behind()
    {
        var before = _project.Hash();
        var folders = _project.Folders();
        _project.WriteSkeletons("Contact", folder: "Crm/People");
        NewEntityCommand.Run(new NewEntityOptions { Name = "Contact", Folder = "Crm/People", Fields = "Name Kind:enum{Lead,Customer} Supplier:references", SkipMigration = true }, _project.Directory);
        Assert.Contains("using Shop.Entities.Crm.People;", _project.Read("Entities/Supplier.cs"), StringComparison.Ordinal);

        Remove("Contact");

        // Supplier's using of the emptied namespace went too.
        Assert.Equal(before, _project.Hash());
        Assert.Equal(folders, _project.Folders());
    }

    [Fact]
    public void A_parent_and_child_pair_is_removed_child_first()
    {
        var before = _project.Hash();
        RelationshipTests.NewEntity(_project, "Area", "Name");
        RelationshipTests.NewEntity(_project, "Bay", "Name", parent: "Area");
        var withBoth = _project.Hash();

        var error = Assert.Throws<InputException>(() => Remove("Area"));
        Assert.Equal("Area is still referenced by Bay.Area; remove those first (dotnet strata remove <Entity>, or delete the field by hand), then remove Area.", error.Message);
        Assert.Equal(withBoth, _project.Hash());

        Remove("Bay");
        Remove("Area");
        Assert.Equal(before, _project.Hash());
    }

    [Theory]
    [InlineData("Supplier", "Supplier is still referenced by Product.Supplier")]
    [InlineData("Widget", "there is no entity class Widget in Shop")]
    [InlineData("Address", "Address is a type of Shop but not an entity")]
    [InlineData("ShopDbContext", "ShopDbContext is a type of Shop but not an entity")]
    [InlineData("ProductStatus", "ProductStatus is a type of Shop but not an entity")]
    [InlineData("product", "'product' is not an entity class name")]
    public void Bad_input_changes_nothing(string entity, string expected)
    {
        var before = _project.Hash();
        var error = Assert.Throws<InputException>(() => Remove(entity));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void The_target_of_another_entitys_many_to_many_is_refused()
    {
        RelationshipTests.NewEntity(_project, "Catalog", "Name Products:many{Product}");
        var before = _project.Hash();
        RelationshipTests.NewEntity(_project, "Tag", "Name");
        AddFieldsCommand.Run("Catalog", "Tags:many{Tag}", null, skipMigration: true, _project.Directory);
        var withTags = _project.Hash();

        var error = Assert.Throws<InputException>(() => Remove("Tag"));

        Assert.Equal("Tag is still referenced by Catalog (a many-to-many); remove those first (dotnet strata remove <Entity>, or delete the field by hand), then remove Tag.", error.Message);
        Assert.Equal(withTags, _project.Hash());
        Assert.NotEqual(before, withTags);
    }
}
