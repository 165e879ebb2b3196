using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary><c>new-entity</c> on the engine's skeletons, without build or migration (--skip-migration).</summary>
public sealed class NewEntityTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private int Run(NewEntityOptions options, string? workingDirectory = null) =>
        NewEntityCommand.Run(options with { SkipMigration = true }, workingDirectory ?? _project.Directory);

    [Fact]
    public void Writes_fields_configuration_validator_DbSet_and_inverse_collection_in_the_house_style()
    {
        _project.WriteSkeletons("Item");

        Run(new NewEntityOptions
        {
            Name = "Item",
            Fields = "Sku:string{32}:uniq Name Description:text? Price:decimal{10,2}:min(0) Rating:int:min(1):max(5) "
                + "Status:enum{Draft,Active} Website:url? Contact:email? Queue:string{20}:default(General) Supplier:references",
        });

        Assert.Equal("""
            using Shop.Common;

            namespace Shop.Entities;

            public class Item : AuditableEntity
            {
                public required string Sku { get; set; }

                public required string Name { get; set; }

                public string? Description { get; set; }

                public decimal Price { get; set; }

                public int Rating { get; set; }

                public ItemStatus Status { get; set; }

                public string? Website { get; set; }

                public string? Contact { get; set; }

                public string Queue { get; set; } = "General";

                public int SupplierId { get; set; }

                public Supplier Supplier { get; set; } = null!;
            }

            """, _project.Read("Entities/Item.cs"));
        Assert.Equal("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Shop.Common;
            using Shop.Entities;

            namespace Shop.Configurations;

            public sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
            {
                public void Configure(EntityTypeBuilder<Item> builder)
                {
                    builder.Property(item => item.Sku).HasMaxLength(32);
                    builder.HasIndex(item => item.Sku).IsUnique();
                    builder.Property(item => item.Description).HasMaxLength(-1); // No length limit.
                    builder.Property(item => item.Price).HasPrecision(10, 2).IsNonNegative();
                    builder.Property(item => item.Rating).IsAtLeast(1).IsAtMost(5);
                    builder.Property(item => item.Website).HasMaxLength(2048);
                    builder.Property(item => item.Contact).HasMaxLength(254);
                    builder.Property(item => item.Queue).HasMaxLength(20);

                    // A supplier is referenced, not owned: it cannot be deleted while it still has items.
                    builder.HasOne(item => item.Supplier)
                        .WithMany(supplier => supplier.Items)
                        .HasForeignKey(item => item.SupplierId)
                        .OnDelete(DeleteBehavior.Restrict);
                }
            }

            """, _project.Read("Configurations/ItemConfiguration.cs"));
        Assert.Equal("""
            using FluentValidation;
            using Shop.Common.Validation;
            using Shop.Entities;

            namespace Shop.Validators;

            /// <summary>Mirrors <c>ItemConfiguration</c>, so bad data is refused before it reaches the database.</summary>
            public sealed class ItemValidator : AbstractValidator<Item>
            {
                public ItemValidator()
                {
                    RuleFor(item => item.Sku).NotEmpty().MaximumLength(32);
                    RuleFor(item => item.Name).NotEmpty().MaximumLength(ShopDbContext.DefaultMaxLength);
                    RuleFor(item => item.Price).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
                    RuleFor(item => item.Rating).InclusiveBetween(1, 5);
                    RuleFor(item => item.Status).IsInEnum();
                    RuleFor(item => item.Website).MaximumLength(2048).IsAbsoluteHttpUrl();
                    RuleFor(item => item.Contact).MaximumLength(254).EmailAddress();
                    RuleFor(item => item.Queue).NotEmpty().MaximumLength(20);
                    RuleFor(item => item.SupplierId).NotEmpty().When(item => item.Supplier is null);
                }
            }

            """, _project.Read("Validators/ItemValidator.cs"));
        Assert.Equal("""
            namespace Shop.Entities;

            /// <summary>Stored as its name (<c>'Draft'</c>, …), and a CHECK constraint allows only these names.</summary>
            public enum ItemStatus
            {
                Draft,
                Active,
            }

            """, _project.Read("Entities/ItemStatus.cs"));
        Assert.Equal("""
            using Microsoft.EntityFrameworkCore;
            using Shop.Entities;

            namespace Shop;

            public partial class ShopDbContext
            {
                public DbSet<Item> Items => Set<Item>();
            }

            """, _project.Read("DbSets/ShopDbContext.Items.cs"));
        Assert.EndsWith("""
                public ICollection<Product> Products { get; } = [];

                public ICollection<Item> Items { get; } = [];
            }

            """, _project.Read("Entities/Supplier.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_DbSet_and_its_file_take_the_one_pluralizer_and_plural_overrides_it()
    {
        _project.WriteSkeletons("Cafe");
        Run(new NewEntityOptions { Name = "Cafe" });
        Assert.Contains("public DbSet<Cafe> Cafes => Set<Cafe>();", _project.Read("DbSets/ShopDbContext.Cafes.cs"), StringComparison.Ordinal);

        _project.WriteSkeletons("Person");
        Run(new NewEntityOptions { Name = "Person", Plural = "Persons" });
        Assert.Contains("public DbSet<Person> Persons => Set<Person>();", _project.Read("DbSets/ShopDbContext.Persons.cs"), StringComparison.Ordinal);
        Assert.Contains("builder.ToTable(\"Persons\");", _project.Read("Configurations/PersonConfiguration.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_is_owned_cascade_and_gets_the_inverse_collection()
    {
        _project.WriteSkeletons("Contact", folder: "Crm");

        Run(new NewEntityOptions { Name = "Contact", Parent = "Supplier", Folder = "Crm" });

        var configuration = _project.Read("Configurations/Crm/ContactConfiguration.cs");
        Assert.Contains("""
                    // Each contact needs its supplier, so deleting the supplier deletes its contacts too.
                    builder.HasOne(contact => contact.Supplier)
                        .WithMany(supplier => supplier.Contacts)
                        .HasForeignKey(contact => contact.SupplierId)
                        .OnDelete(DeleteBehavior.Cascade);
            """, configuration, StringComparison.Ordinal);
        // Shop.Entities.Crm sees Shop.Entities without a using.
        Assert.StartsWith("using Shop.Common;\n\nnamespace Shop.Entities.Crm;", _project.Read("Entities/Crm/Contact.cs"), StringComparison.Ordinal);
        var supplier = _project.Read("Entities/Supplier.cs");
        Assert.StartsWith("using Shop.Common;\nusing Shop.Entities.Crm;\n", supplier, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Contact> Contacts { get; } = [];", supplier, StringComparison.Ordinal);
        Assert.Contains("using Shop.Entities.Crm;", _project.Read("DbSets/ShopDbContext.Contacts.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_parent_sets_null_by_default()
    {
        _project.WriteSkeletons("Note");
        Run(new NewEntityOptions { Name = "Note", Parent = "Supplier", OptionalParent = true });
        var entity = _project.Read("Entities/Note.cs");
        Assert.Contains("public int? SupplierId { get; set; }", entity, StringComparison.Ordinal);
        Assert.Contains("public Supplier? Supplier { get; set; }", entity, StringComparison.Ordinal);
        Assert.Contains(".OnDelete(DeleteBehavior.SetNull);", _project.Read("Configurations/NoteConfiguration.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("SupplierId", _project.Read("Validators/NoteValidator.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_references_to_one_class_get_distinct_inverse_collections()
    {
        _project.WriteSkeletons("Transfer");
        Run(new NewEntityOptions { Name = "Transfer", Fields = "From:references{Supplier} To:references{Supplier}" });
        var supplier = _project.Read("Entities/Supplier.cs");
        Assert.Contains("public ICollection<Transfer> FromTransfers { get; } = [];", supplier, StringComparison.Ordinal);
        Assert.Contains("public ICollection<Transfer> ToTransfers { get; } = [];", supplier, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_reference_names_its_lambdas_apart()
    {
        _project.WriteSkeletons("Category");
        Run(new NewEntityOptions { Name = "Category", Fields = "Name Parent:references{Category}?" });
        Assert.Contains(".WithMany(parent => parent.Children)", _project.Read("Configurations/CategoryConfiguration.cs"), StringComparison.Ordinal);
        Assert.Contains("public ICollection<Category> Children { get; } = [];", _project.Read("Entities/Category.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_fields_gives_an_entity_with_the_base_columns_only()
    {
        _project.WriteSkeletons("Tag");
        Run(new NewEntityOptions { Name = "Tag" });
        Assert.Equal("using Shop.Common;\n\nnamespace Shop.Entities;\n\npublic class Tag : AuditableEntity\n{\n}\n", _project.Read("Entities/Tag.cs"));
    }

    [Fact]
    public void Usings_are_sorted_when_the_root_namespace_sorts_after_Microsoft()
    {
        using var project = new FakeModelProject("Zoo");
        project.WriteSkeletons("Keeper");
        NewEntityCommand.Run(new NewEntityOptions { Name = "Keeper", Fields = "Age:int:min(0)", SkipMigration = true }, project.Directory);
        Assert.StartsWith(
            "using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Metadata.Builders;\nusing Zoo.Common;\nusing Zoo.Entities;\n",
            project.Read("Configurations/KeeperConfiguration.cs"),
            StringComparison.Ordinal);
        Assert.StartsWith("using FluentValidation;\nusing Zoo.Entities;\n", project.Read("Validators/KeeperValidator.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_written_outside_the_project_move_in()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_project.Directory)!, "elsewhere");
        _project.WriteSkeletons("Order", root: outside);

        Run(new NewEntityOptions { Name = "Order", Project = _project.Directory }, outside);

        Assert.True(File.Exists(_project.Path("Entities/Order.cs")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Theory]
    [InlineData("Buyer:references{Customer}", "", "field 'Buyer:references{Customer}': there is no entity class Customer in Shop")]
    [InlineData("Total:decimal{18", "", "field 'Total:decimal{18': the '{' is not closed")]
    [InlineData("Order:string", "", "a property cannot have its class's name")]
    [InlineData("", "Customer", "--parent Customer: there is no entity class Customer in Shop")]
    [InlineData("Supplier:int", "Supplier", "Supplier is already the --parent")]
    [InlineData("Address:references", "", "there is no entity class Address in Shop")]
    [InlineData("", "ShopDbContext", "--parent ShopDbContext: ShopDbContext is a class but not an entity")]
    [InlineData("Owner:references{BaseEntity}", "", "BaseEntity is a class but not an entity")]
    public void Bad_input_deletes_the_engine_files_and_changes_nothing(string fields, string parent, string expected)
    {
        var before = _project.Hash();
        var folders = _project.Folders();
        _project.WriteSkeletons("Order");

        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Order", Fields = fields, Parent = parent }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
        Assert.Equal(folders, _project.Folders());
    }

    [Fact]
    public void An_existing_enum_type_is_refused()
    {
        _project.Write("Entities/OrderStatus.cs", "namespace Shop.Entities;\n\npublic enum OrderStatus\n{\n    A,\n}\n");
        var before = _project.Hash();
        _project.WriteSkeletons("Order");
        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Order", Fields = "Status:enum{A,B}" }));
        Assert.Contains("the enum type OrderStatus already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void A_DbSet_of_that_plural_is_refused()
    {
        _project.Write("DbSets/ShopDbContext.Orders.cs", "namespace Shop;\n");
        var before = _project.Hash();
        _project.WriteSkeletons("Order");
        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Order" }));
        Assert.Contains("already has DbSets/ShopDbContext.Orders.cs", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void An_entity_with_code_is_never_deleted_and_add_fields_is_suggested()
    {
        var before = _project.Hash();
        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Product", Fields = "Buyer:references{Customer}" }));
        Assert.Contains("run: dotnet strata add-fields Product", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Theory]
    [InlineData("order", "'order' is not a valid entity name")]
    [InlineData("Common", "'Common' is taken")]
    [InlineData("Queries", "'Queries' is taken")]
    [InlineData("PageCursor", "'PageCursor' is taken")]
    [InlineData("ShopDbContext", "'ShopDbContext' is taken")]
    [InlineData("Shop", "'Shop' is taken")]
    public void Bad_names_are_refused_and_the_engine_files_deleted(string name, string expected)
    {
        var before = _project.Hash();
        _project.WriteSkeletons(name);
        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = name }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Theory]
    [InlineData("", true, "", "--optional-parent and --on-delete describe the --parent relationship")]
    [InlineData("Supplier", false, "SetNull", "--on-delete SetNull needs --optional-parent")]
    [InlineData("Supplier", false, "Sometimes", "--on-delete 'Sometimes' is not one of Cascade, Restrict, SetNull")]
    [InlineData("Order", false, "", "an entity cannot be its own parent")]
    public void Bad_parent_options_are_refused(string parent, bool optional, string onDelete, string expected)
    {
        var before = _project.Hash();
        _project.WriteSkeletons("Order");
        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Order", Parent = parent, OptionalParent = optional, OnDelete = onDelete }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Running_in_a_subfolder_is_refused_with_the_folder_hint()
    {
        var before = _project.Hash();
        var subfolder = _project.Path("Entities/Sales");
        Directory.CreateDirectory(subfolder);
        _project.WriteSkeletons("Order", root: subfolder);

        var error = Assert.Throws<InputException>(() => Run(new NewEntityOptions { Name = "Order" }, subfolder));

        Assert.Contains("pass --folder Sales", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(subfolder));
        Directory.Delete(subfolder);
        Assert.Equal(before, _project.Hash());
    }
}
