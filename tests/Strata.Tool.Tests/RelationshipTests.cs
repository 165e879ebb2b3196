using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>Issue 11: self-references, one-to-one and many-to-many (no build, no migration).</summary>
public sealed class RelationshipTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    internal static void NewEntity(FakeModelProject project, string name, string fields, string parent = "")
    {
        project.WriteSkeletons(name);
        NewEntityCommand.Run(new NewEntityOptions { Name = name, Fields = fields, Parent = parent, SkipMigration = true }, project.Directory);
    }

    [Fact]
    public void A_self_reference_is_optional_restricted_and_its_inverse_is_named_as_users_expect()
    {
        NewEntity(_project, "Employee", "Name:string{100} Manager:references{Employee}?");

        Assert.Equal("""
            using Shop.Common;

            namespace Shop.Entities;

            public class Employee : AuditableEntity
            {
                public required string Name { get; set; }

                public int? ManagerId { get; set; }

                public Employee? Manager { get; set; }

                public ICollection<Employee> Reports { get; } = [];
            }

            """, _project.Read("Entities/Employee.cs"));
        Assert.Contains("""
                    // An employee's manager is another employee: the database refuses to delete one that is still the manager of others
                    // (reassign them first); EF Core clears ManagerId on those it has loaded.
                    builder.HasOne(employee => employee.Manager)
                        .WithMany(manager => manager.Reports)
                        .HasForeignKey(employee => employee.ManagerId)
                        .OnDelete(DeleteBehavior.Restrict);
                }
            """, _project.Read("Configurations/EmployeeConfiguration.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_say_an_before_a_vowel_so_a_relationship_to_an_employee_reads_as_english()
    {
        NewEntity(_project, "Employee", "Name:string{100}");
        NewEntity(_project, "Passport", "Number:string{20} Employee:references:uniq");
        NewEntity(_project, "Item", "Name:string{50}");
        NewEntity(_project, "Order", "Items:many{Item}");

        var passport = _project.Read("Configurations/PassportConfiguration.cs");
        Assert.Contains("// An employee is referenced, not owned: it cannot be deleted while it still has a passport.", passport, StringComparison.Ordinal);
        Assert.Contains("so an employee has at most one passport.", passport, StringComparison.Ordinal);
        Assert.Contains(
            "// An order has many items and an item is in many orders: each link is an OrderItem row, deleted with either end.",
            _project.Read("Configurations/OrderConfiguration.cs"),
            StringComparison.Ordinal);
        Assert.Contains("/// <summary>Links an order to an item: one row per link", _project.Read("Entities/OrderItem.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Parent:references{Node}?", "Children")]
    [InlineData("Mentor:references{Node}?", "MentorNodes")]
    [InlineData("Boss:references{Node}?:inverse(Staff)", "Staff")]
    public void Self_reference_inverse_names(string fields, string inverse)
    {
        NewEntity(_project, "Node", fields);
        Assert.Contains($"public ICollection<Node> {inverse} {{ get; }} = [];", _project.Read("Entities/Node.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_self_reference_is_refused_and_nothing_is_written()
    {
        var before = _project.Hash();
        _project.WriteSkeletons("Employee");
        var error = Assert.Throws<InputException>(() => NewEntityCommand.Run(new NewEntityOptions { Name = "Employee", Fields = "Manager:references{Employee}", SkipMigration = true }, _project.Directory));
        Assert.Equal("field 'Manager:references{Employee}': a required reference from Employee to itself means no first Employee could ever be saved; make it optional: Manager:references{Employee}?.", error.Message);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Uniq_on_a_reference_makes_a_one_to_one_with_a_reference_on_the_target()
    {
        NewEntity(_project, "Passport", "Number:string{20} Supplier:references:uniq");

        Assert.Equal("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Shop.Entities;

            namespace Shop.Configurations;

            public sealed class PassportConfiguration : IEntityTypeConfiguration<Passport>
            {
                public void Configure(EntityTypeBuilder<Passport> builder)
                {
                    builder.Property(passport => passport.Number).HasMaxLength(20);

                    // A supplier is referenced, not owned: it cannot be deleted while it still has a passport.
                    // One-to-one: the index on SupplierId is unique, so a supplier has at most one passport.
                    builder.HasOne(passport => passport.Supplier)
                        .WithOne(supplier => supplier.Passport)
                        .HasForeignKey<Passport>(passport => passport.SupplierId)
                        .OnDelete(DeleteBehavior.Restrict);
                }
            }

            """, _project.Read("Configurations/PassportConfiguration.cs"));
        // A reference, before the collections.
        Assert.Contains("""
                public required Address Address { get; set; }

                public Passport? Passport { get; set; }

                public ICollection<Product> Products { get; } = [];
            }
            """, _project.Read("Entities/Supplier.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_writes_skip_navigations_and_an_explicit_join_entity()
    {
        NewEntity(_project, "Catalog", "Name:string{120} Products:many{Product}");

        Assert.EndsWith("""
                public required string Name { get; set; }

                public ICollection<Product> Products { get; } = [];
            }

            """, _project.Read("Entities/Catalog.cs"), StringComparison.Ordinal);
        Assert.EndsWith("""
                public Supplier Supplier { get; set; } = null!;

                public ICollection<Catalog> Catalogs { get; } = [];
            }

            """, _project.Read("Entities/Product.cs"), StringComparison.Ordinal);
        Assert.Contains("""
                    builder.Property(catalog => catalog.Name).HasMaxLength(120);

                    // A catalog has many products and a product is in many catalogs: each link is a CatalogProduct row, deleted with either end.
                    builder.HasMany(catalog => catalog.Products)
                        .WithMany(product => product.Catalogs)
                        .UsingEntity<CatalogProduct>(
                            right => right.HasOne(link => link.Product).WithMany().HasForeignKey(link => link.ProductId).OnDelete(DeleteBehavior.Cascade),
                            left => left.HasOne(link => link.Catalog).WithMany().HasForeignKey(link => link.CatalogId).OnDelete(DeleteBehavior.Cascade));
                }
            """, _project.Read("Configurations/CatalogConfiguration.cs"), StringComparison.Ordinal);
        Assert.Equal("""
            using Shop.Common;

            namespace Shop.Entities;

            /// <summary>Links a catalog to a product: one row per link, deleted with either end.</summary>
            public class CatalogProduct : IHasCreatedAt
            {
                public int CatalogId { get; set; }

                public Catalog Catalog { get; set; } = null!;

                public int ProductId { get; set; }

                public Product Product { get; set; } = null!;

                /// <summary>When the link was made (UTC), set by the auditing interceptor when EF Core inserts the row.</summary>
                public DateTime CreatedAt { get; private set; }
            }

            """, _project.Read("Entities/CatalogProduct.cs"));
        Assert.Equal("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Shop.Entities;

            namespace Shop.Configurations;

            public sealed class CatalogProductConfiguration : IEntityTypeConfiguration<CatalogProduct>
            {
                public void Configure(EntityTypeBuilder<CatalogProduct> builder)
                {
                    // One row per pair: the key's first column serves lookups by catalog, the index those by product.
                    builder.HasKey(catalogProduct => new { catalogProduct.CatalogId, catalogProduct.ProductId });
                    builder.HasIndex(catalogProduct => catalogProduct.ProductId);
                }
            }

            """, _project.Read("Configurations/CatalogProductConfiguration.cs"));
        // The join entity gets no DbSet and no validator: it is reached through the skip navigations.
        Assert.False(File.Exists(_project.Path("DbSets/ShopDbContext.CatalogProducts.cs")));
        Assert.False(File.Exists(_project.Path("Validators/CatalogProductValidator.cs")));
    }

    [Fact]
    public void Add_fields_adds_a_self_many_to_many_that_cascades_on_both_keys_outside_SQL_Server()
    {
        AddFieldsCommand.Run("Product", "Related:many{Product}", null, skipMigration: true, _project.Directory);

        Assert.EndsWith("""
                        .OnDelete(DeleteBehavior.Restrict);

                    // A product links to other products through RelatedProduct rows, deleted with either end.
                    builder.HasMany(product => product.Related)
                        .WithMany()
                        .UsingEntity<RelatedProduct>(
                            right => right.HasOne(link => link.Related).WithMany().HasForeignKey(link => link.RelatedId).OnDelete(DeleteBehavior.Cascade),
                            left => left.HasOne(link => link.Product).WithMany().HasForeignKey(link => link.ProductId).OnDelete(DeleteBehavior.Cascade));
                }
            }

            """, _project.Read("Configurations/ProductConfiguration.cs"), StringComparison.Ordinal);
        Assert.Contains("public int RelatedId { get; set; }", _project.Read("Entities/RelatedProduct.cs"), StringComparison.Ordinal);
        var join = _project.Read("Configurations/RelatedProductConfiguration.cs");
        Assert.Contains("builder.HasIndex(relatedProduct => relatedProduct.RelatedId);", join, StringComparison.Ordinal);
        Assert.Contains("// One row per pair: the key's first column serves lookups by product, the index those by related product.", join, StringComparison.Ordinal);
    }

    [Fact]
    public void On_SQL_Server_a_self_many_to_many_cascades_on_one_key_only()
    {
        using var project = new FakeModelProject(database: "SqlServer");
        AddFieldsCommand.Run("Product", "Related:many{Product}:inverse(RelatedTo)", null, skipMigration: true, project.Directory);

        Assert.Contains("""
                    // A product links to other products through RelatedProduct rows, deleted with either end.
                    // SQL Server refuses two cascade paths from one table into another (error 1785), so only the first key cascades in the
                    // database; EF Core deletes the loaded links that name a deleted product as related, and the database refuses the delete while others remain.
                    builder.HasMany(product => product.Related)
                        .WithMany(relatedTo => relatedTo.RelatedTo)
                        .UsingEntity<RelatedProduct>(
                            right => right.HasOne(link => link.Related).WithMany().HasForeignKey(link => link.RelatedId).OnDelete(DeleteBehavior.ClientCascade),
                            left => left.HasOne(link => link.Product).WithMany().HasForeignKey(link => link.ProductId).OnDelete(DeleteBehavior.Cascade));
            """, project.Read("Configurations/ProductConfiguration.cs"), StringComparison.Ordinal);
        Assert.Contains("public ICollection<Product> RelatedTo { get; } = [];", project.Read("Entities/Product.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Products:many{Widget}", "there is no entity class Widget in Shop")]
    [InlineData("Products:many{Product}:inverse(Supplier)", "Product already has a member Supplier")]
    [InlineData("Supplier:references:uniq:inverse(Products)", "Supplier already has a member Products")]
    public void Bad_relationships_are_refused_and_nothing_is_written(string fields, string expected)
    {
        var before = _project.Hash();
        _project.WriteSkeletons("Catalog");
        var error = Assert.Throws<InputException>(() => NewEntityCommand.Run(new NewEntityOptions { Name = "Catalog", Fields = fields, SkipMigration = true }, _project.Directory));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }
}
