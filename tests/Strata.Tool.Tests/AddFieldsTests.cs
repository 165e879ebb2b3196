using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary><c>add-fields</c> on the sample Product, without build or migration (--skip-migration).</summary>
public sealed class AddFieldsTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private void Run(string entity, string specs) => AddFieldsCommand.Run(entity, specs, null, skipMigration: true, _project.Directory);

    [Fact]
    public void Keeps_every_existing_line_and_appends_the_new_ones()
    {
        var files = new[] { "Entities/Product.cs", "Configurations/ProductConfiguration.cs", "Validators/ProductValidator.cs", "Entities/Supplier.cs" };
        var before = files.ToDictionary(file => file, file => _project.Read(file).Split('\n'));

        Run("Product", "Weight:decimal{8,3}? Barcode:string{13}?:uniq Maker:references{Supplier}?");

        foreach (var file in files)
        {
            var after = _project.Read(file).Split('\n');
            // Every old line is still there, in order.
            var position = 0;
            foreach (var line in before[file])
            {
                position = Array.IndexOf(after, line, position);
                Assert.True(position >= 0, $"{file} lost the line '{line}'");
                position++;
            }
        }

        var configuration = _project.Read("Configurations/ProductConfiguration.cs");
        Assert.Contains("""
                        .OnDelete(DeleteBehavior.Restrict);

                    builder.Property(product => product.Weight).HasPrecision(8, 3);
                    builder.Property(product => product.Barcode).HasMaxLength(13);
                    builder.HasIndex(product => product.Barcode).IsUnique();

                    // A supplier is referenced, not owned: it cannot be deleted while it still has products.
                    builder.HasOne(product => product.Maker)
                        .WithMany(supplier => supplier.MakerProducts)
            """, configuration, StringComparison.Ordinal);
        Assert.Contains("""
                    RuleFor(product => product.SupplierId).NotEmpty().When(product => product.Supplier is null);
                    RuleFor(product => product.Weight).PrecisionScale(8, 3, ignoreTrailingZeros: true);
                    RuleFor(product => product.Barcode).MaximumLength(13);
                }
            """, _project.Read("Validators/ProductValidator.cs"), StringComparison.Ordinal);
        Assert.Contains("public ICollection<Product> MakerProducts { get; } = [];", _project.Read("Entities/Supplier.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_initializes_the_property()
    {
        Run("Product", "Queue:string{20}:default(General) Level:short:default(3) Kind:enum{Small,Large}:default(Large)");
        var entity = _project.Read("Entities/Product.cs");
        Assert.Contains("public string Queue { get; set; } = \"General\";", entity, StringComparison.Ordinal);
        Assert.Contains("public short Level { get; set; } = 3;", entity, StringComparison.Ordinal);
        Assert.Contains("public ProductKind Kind { get; set; } = ProductKind.Large;", entity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Queue:string{20}", "a required column needs a value for them; give the value existing rows get with :default(value)")]
    [InlineData("Maker:references{Supplier}", "make it optional (Maker:references?)")]
    [InlineData("Name:string?", "Product already has Name")]
    [InlineData("Supplier:references?", "Product already has Supplier")]
    [InlineData("Weight:decimal{8,3}?:min(", "the '(' is not closed")]
    [InlineData("", "no fields given")]
    [InlineData("Note:default(A_value_that_is_much_longer_than_the_project_default_string_length_of_256_characters_A_value_that_is_much_longer_than_the_project_default_string_length_of_256_characters_A_value_that_is_much_longer_than_the_project_default_string_length_of_256_characters_xxxxxxxxxx)", "longer than the project's default string length (256)")]
    public void Refuses_bad_input_and_changes_nothing(string specs, string expected)
    {
        var before = _project.Hash();
        var error = Assert.Throws<InputException>(() => Run("Product", specs));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Refuses_an_unknown_entity()
    {
        var before = _project.Hash();
        var error = Assert.Throws<InputException>(() => Run("Widget", "Weight:int?"));
        Assert.Contains("there is no entity class Widget in Shop", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _project.Hash());
    }

    [Fact]
    public void Keeps_the_files_line_endings()
    {
        var crlf = _project.Read("Validators/ProductValidator.cs").Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(_project.Path("Validators/ProductValidator.cs"), crlf);

        Run("Product", "Weight:decimal{8,3}?");

        var after = _project.Read("Validators/ProductValidator.cs");
        Assert.DoesNotContain("\n", after.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("RuleFor(product => product.Weight)", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "AddWeightToProduct")]
    [InlineData(2, "AddWeightAndBarcodeToProduct")]
    [InlineData(3, "AddWeightAnd2MoreToProduct")]
    public void Migration_names_say_what_was_added(int count, string expected)
    {
        var fields = Fields.FieldSpecParser.Parse(string.Join(' ', new[] { "Weight?", "Barcode?", "Color?" }.Take(count)));
        Assert.Equal(expected, AddFieldsCommand.MigrationName("Product", fields));
    }
}
