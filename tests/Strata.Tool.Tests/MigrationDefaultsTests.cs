using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Tool.Commands;
using Strata.Tool.Fields;
using Strata.Tool.Generation;

namespace Strata.Tool.Tests;

/// <summary>The <c>:default(value)</c> of add-fields becomes the value existing rows get in the migration.</summary>
public sealed class MigrationDefaultsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"strata-migration-{Guid.NewGuid():N}.cs");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Replaces_the_zero_value_EF_Core_scaffolds_and_adds_one_to_a_nullable_column()
    {
        File.WriteAllText(_file, """
            public partial class AddQueueToTicket : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Queue",
                        table: "Tickets",
                        type: "TEXT",
                        maxLength: 20,
                        nullable: false,
                        defaultValue: "");

                    migrationBuilder.AddColumn<int>(
                        name: "Level",
                        table: "Tickets",
                        type: "INTEGER",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Queue", table: "Tickets");
                }
            }
            """);

        Migrations.SetColumnDefaults(_file, "Tickets", new Dictionary<string, string> { ["Queue"] = "\"General\"", ["Level"] = "3" });

        var text = File.ReadAllText(_file);
        Assert.Contains("""
                        nullable: false,
                        defaultValue: "General");
            """, text, StringComparison.Ordinal);
        Assert.Contains("""
                        nullable: true,
                        defaultValue: 3);
            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_the_migration_does_not_add_is_an_error()
    {
        File.WriteAllText(_file, "public partial class M : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n    }\n}\n");
        Assert.Throws<InvalidOperationException>(() => Migrations.SetColumnDefaults(_file, "Tickets", new Dictionary<string, string> { ["Queue"] = "1" }));
    }

    /// <summary>
    /// The column's provider type as EF Core writes it in <c>AddColumn&lt;T&gt;</c>: the enum convention stores names
    /// (string), the UTC converter keeps DateTime; every other type is its own.
    /// </summary>
    [Theory]
    [InlineData("Tier:enum{Standard,Gold}:default(Standard)", "string", "Standard")]
    [InlineData("Queue:string{20}:default(General)", "string", "General")]
    [InlineData("Notes:text:default(None yet)", "string", "None yet")]
    [InlineData("Contact:email:default(info@example.com)", "string", "info@example.com")]
    [InlineData("Site:url:default(https://example.com)", "string", "https://example.com")]
    [InlineData("Active:bool:default(true)", "bool", true)]
    [InlineData("Archived:bool:default(false)", "bool", false)]
    [InlineData("Level:int:default(3)", "int", 3)]
    [InlineData("Offset:int:default(-3)", "int", -3)]
    [InlineData("Views:long:default(3)", "long", 3L)]
    [InlineData("Rank:short:default(-3)", "short", (short)-3)]
    [InlineData("Price:decimal{10,2}:default(10)", "decimal", "10")]
    [InlineData("Rate:decimal{10,2}:default(-9.99)", "decimal", "-9.99")]
    [InlineData("Ratio:double:default(2)", "double", 2d)]
    [InlineData("Weight:double:default(0.5)", "double", 0.5d)]
    [InlineData("Since:date:default(2024-01-31)", "DateOnly", null)]
    [InlineData("Opens:time:default(08:30)", "TimeOnly", null)]
    [InlineData("Closes:time:default(17:45:30)", "TimeOnly", null)]
    [InlineData("Due:datetime:default(2024-01-31T08:30:00Z)", "DateTime", null)]
    [InlineData("Start:datetime:default(2024-01-31)", "DateTime", null)]
    [InlineData("Token:guid:default(6f9619ff-8b86-d011-b42d-00cf4fc964ff)", "Guid", null)]
    public void The_default_is_a_value_of_the_columns_provider_type(string spec, string providerType, object? value)
    {
        var field = Assert.Single(FieldSpecParser.Parse(spec));
        var literal = new FieldCode(field, new EntityContext("Customer", "Customers", "customer", "ShopDbContext", "int")).MigrationLiteral();

        // A migration file as EF Core writes it: `using System;`, the value passed as object (defaultValue:).
        var source = $$"""
            using System;

            internal static class Migration
            {
                internal static object DefaultValue() => {{literal}};
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = TestAssembly.Compilation("Migration", tree);
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var expression = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        var model = compilation.GetSemanticModel(tree);
        var type = model.GetTypeInfo(expression).Type!;
        Assert.Equal(providerType, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));

        var constant = model.GetConstantValue(expression);
        if (providerType == "decimal")
        {
            Assert.Equal(decimal.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture), constant.Value);
        }
        else if (value is not null)
        {
            Assert.Equal(value, constant.Value);
        }
    }
}
