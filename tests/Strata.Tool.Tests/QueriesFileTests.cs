using System.Text.RegularExpressions;
using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>
/// The scopes <c>dotnet strata</c> writes into <c>Queries/&lt;Entity&gt;Queries.cs</c> (issue 12): one per <c>:uniq</c> or
/// <c>:index</c> field and per reference, created by new-entity, extended by add-fields, deleted by remove.
/// </summary>
public sealed partial class QueriesFileTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private void NewEntity(string name, string fields, string parent = "", string folder = "")
    {
        _project.WriteSkeletons(name, folder);
        NewEntityCommand.Run(new NewEntityOptions { Name = name, Fields = fields, Parent = parent, Folder = folder, SkipMigration = true }, _project.Directory);
    }

    private void AddFields(string entity, string fields) => AddFieldsCommand.Run(entity, fields, null, skipMigration: true, _project.Directory);

    /// <summary>The template's own ProductQueries.cs, as a project with int keys gets it.</summary>
    private void WriteSampleProductQueries()
    {
        var text = File.ReadAllText(Path.Combine(Repository.ModelProjectSource, "Queries", "ProductQueries.cs"));
        text = IdTypeConditional().Replace(text, "$1").Replace("Contoso.Shop", _project.RootNamespace, StringComparison.Ordinal);
        _project.Write("Queries/ProductQueries.cs", text);
    }

    [Fact]
    public void A_new_entity_gets_a_scope_per_unique_and_indexed_field_and_per_reference_in_the_house_style()
    {
        NewEntity("Item", "Sku:string{32}:uniq Name Status:enum{Draft,Active}:index Weight:short?:index Buyer:references{Product}?", parent: "Supplier");

        Assert.Equal("""
            using Shop.Entities;

            namespace Shop.Queries;

            /// <summary>Scopes for <see cref="Item"/>: one per indexed column, each answered through that column's index.</summary>
            public static class ItemQueries
            {
                /// <summary>The items of one supplier (<see cref="Item.SupplierId"/>).</summary>
                public static IQueryable<Item> ForSupplier(this IQueryable<Item> items, int supplierId) =>
                    items.Where(item => item.SupplierId == supplierId);

                /// <summary>The item with this <see cref="Item.Sku"/> (unique: at most one).</summary>
                public static IQueryable<Item> WithSku(this IQueryable<Item> items, string sku) =>
                    items.Where(item => item.Sku == sku);

                /// <summary>The items whose <see cref="Item.Status"/> is <paramref name="status"/>.</summary>
                public static IQueryable<Item> WhereStatus(this IQueryable<Item> items, ItemStatus status) =>
                    items.Where(item => item.Status == status);

                /// <summary>The items whose <see cref="Item.Weight"/> is <paramref name="weight"/>.</summary>
                public static IQueryable<Item> WhereWeight(this IQueryable<Item> items, short weight) =>
                    items.Where(item => item.Weight == weight);

                /// <summary>The items of one buyer (<see cref="Item.BuyerId"/>).</summary>
                public static IQueryable<Item> ForBuyer(this IQueryable<Item> items, int buyerId) =>
                    items.Where(item => item.BuyerId == buyerId);
            }

            """, _project.Read("Queries/ItemQueries.cs"));
    }

    [Fact]
    public void The_scopes_of_a_one_to_one_and_a_self_reference_read_well()
    {
        NewEntity("Passport", "Number:string{20}:uniq Holder:references{Supplier}:uniq Previous:references{Passport}?");

        var queries = _project.Read("Queries/PassportQueries.cs");

        Assert.Contains("""
                /// <summary>The passport of one holder (<see cref="Passport.HolderId"/>; unique: at most one).</summary>
                public static IQueryable<Passport> ForHolder(this IQueryable<Passport> passports, int holderId) =>
                    passports.Where(passport => passport.HolderId == holderId);
            """, queries, StringComparison.Ordinal);
        Assert.Contains("public static IQueryable<Passport> ForPrevious(this IQueryable<Passport> passports, int previousId) =>", queries, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_without_indexed_fields_or_references_gets_no_queries_file()
    {
        NewEntity("Note", "Text:text Pinned:bool");

        Assert.False(Directory.Exists(_project.Path("Queries")));
    }

    [Fact]
    public void An_entity_in_a_folder_gets_its_scopes_in_the_same_folder_under_Queries()
    {
        NewEntity("Contact", "Email:email:uniq", folder: "Crm/People");

        var queries = _project.Read("Queries/Crm/People/ContactQueries.cs");

        Assert.StartsWith("using Shop.Entities.Crm.People;\n\nnamespace Shop.Queries.Crm.People;\n", queries, StringComparison.Ordinal);
        Assert.Contains("public static IQueryable<Contact> WithEmail(this IQueryable<Contact> contacts, string email) =>", queries, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_fields_appends_scopes_to_the_existing_class_and_keeps_every_line()
    {
        WriteSampleProductQueries();
        var before = _project.Read("Queries/ProductQueries.cs");

        AddFields("Product", "Barcode:string{13}?:uniq Volume:decimal{8,3}? Maker:references{Supplier}?");

        var expected = before.TrimEnd('\n')[..^1] + """

                /// <summary>The product with this <see cref="Product.Barcode"/> (unique: at most one).</summary>
                public static IQueryable<Product> WithBarcode(this IQueryable<Product> products, string barcode) =>
                    products.Where(product => product.Barcode == barcode);

                /// <summary>The products of one maker (<see cref="Product.MakerId"/>).</summary>
                public static IQueryable<Product> ForMaker(this IQueryable<Product> products, int makerId) =>
                    products.Where(product => product.MakerId == makerId);
            }

            """;
        Assert.Equal(expected, _project.Read("Queries/ProductQueries.cs"));
    }

    [Fact]
    public void Add_fields_keeps_a_scope_of_the_same_name_written_by_hand()
    {
        WriteSampleProductQueries();
        var mine = _project.Read("Queries/ProductQueries.cs").Replace(
            "    /// <summary>The product with this",
            "    // Mine: case-insensitive.\n    public static IQueryable<Product> WhereCode(this IQueryable<Product> products, string code) =>\n        products.Where(product => product.Sku.ToUpper() == code.ToUpper());\n\n    /// <summary>The product with this",
            StringComparison.Ordinal);
        _project.Write("Queries/ProductQueries.cs", mine);

        AddFields("Product", "Code:string{10}?:index");

        Assert.Equal(mine, _project.Read("Queries/ProductQueries.cs"));
    }

    [Fact]
    public void A_file_in_the_way_is_refused_and_nothing_is_written()
    {
        _project.Write("Queries/ProductQueries.cs", "namespace Shop.Queries;\n\n// Notes, not code.\n");
        var before = _project.Hash();

        var error = Assert.Throws<InputException>(() => AddFields("Product", "Barcode:string{13}?:uniq"));

        Assert.Equal("Queries/ProductQueries.cs exists but declares no class ProductQueries; declare the scopes' class there, or rename that file.", error.Message.Replace('\\', '/'));
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Remove_deletes_the_queries_file_and_the_folders_it_leaves_empty()
    {
        var before = _project.Hash();
        var folders = _project.Folders();
        NewEntity("Contact", "Email:email:uniq Supplier:references", folder: "Crm");
        Assert.True(File.Exists(_project.Path("Queries/Crm/ContactQueries.cs")));

        RemoveCommand.Run("Contact", null, skipMigration: true, _project.Directory);

        Assert.Equal(before, _project.Hash());
        Assert.Equal(folders, _project.Folders());
    }

    [Fact]
    public void Remove_of_the_sample_product_deletes_its_hand_written_scopes()
    {
        WriteSampleProductQueries();

        RemoveCommand.Run("Product", null, skipMigration: true, _project.Directory);

        Assert.False(File.Exists(_project.Path("Queries/ProductQueries.cs")));
    }

    [GeneratedRegex(@"#if \(idType == ""guid""\)\n.*\n#elif \(idType == ""long""\)\n.*\n#else\n(.*\n)#endif\n")]
    private static partial Regex IdTypeConditional();
}
