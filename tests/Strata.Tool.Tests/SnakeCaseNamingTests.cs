using System.Globalization;
using EFCore.NamingConventions.Internal;
using Strata.Tool.Commands;
using Strata.Tool.Fields;
using Strata.Tool.Project;

namespace Strata.Tool.Tests;

/// <summary>
/// A project made with <c>--naming snake_case</c> (StrataNaming in its .csproj): the tool predicts the table and column
/// names its model gives, with a copy of EFCore.NamingConventions' rewriter that must agree with the original.
/// </summary>
public sealed class SnakeCaseNamingTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("OrderLines", "order_lines")]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("SupplierId", "supplier_id")]
    [InlineData("Address_CountryCode", "address_country_code")]
    [InlineData("HTTPRequests", "http_requests")]
    [InlineData("Line2Total", "line2total")]
    [InlineData("CK_order_lines_quantity_Min", "ck_order_lines_quantity_min")]
    [InlineData("People", "people")]
    [InlineData("Staff", "staff")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("X", "x")]
    [InlineData("IOStream", "io_stream")]
    [InlineData("ÄrgerListe", "ärger_liste")]
    public void The_tool_cuts_names_into_words_exactly_like_EFCore_NamingConventions(string name, string expected)
    {
        Assert.Equal(expected, new SnakeCaseNameRewriter(CultureInfo.InvariantCulture).RewriteName(name));
        Assert.Equal(expected, Names.SnakeCase(name));
    }

    [Fact]
    public void A_project_without_StrataNaming_keeps_EF_Cores_names()
    {
        var project = ModelProject.Find(null, _project.Directory);

        Assert.False(project.SnakeCaseNaming);
        Assert.Equal("OrderLines", project.DatabaseName("OrderLines"));
    }

    [Fact]
    public void A_snake_case_project_gets_snake_case_names_and_its_plural_override_as_a_snake_case_table()
    {
        UseSnakeCase();
        var project = ModelProject.Find(null, _project.Directory);
        _project.WriteSkeletons("Person");

        NewEntityCommand.Run(new NewEntityOptions { Name = "Person", Plural = "Persons", SkipMigration = true }, _project.Directory);

        Assert.True(project.SnakeCaseNaming);
        Assert.Equal("order_lines", project.DatabaseName("OrderLines"));
        Assert.Contains("builder.ToTable(\"persons\");", _project.Read("Configurations/PersonConfiguration.cs"), StringComparison.Ordinal);
        Assert.Contains("public DbSet<Person> Persons", _project.Read($"DbSets/{_project.DbContext}.Persons.cs"), StringComparison.Ordinal);
    }

    private void UseSnakeCase()
    {
        var file = $"{_project.RootNamespace}.csproj";
        _project.Write(file, _project.Read(file).Replace("</StrataDatabase>", "</StrataDatabase>\n    <StrataNaming>snake_case</StrataNaming>", StringComparison.Ordinal));
    }
}
