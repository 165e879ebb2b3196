using Strata.Tool.Editing;

namespace Strata.Tool.Tests;

/// <summary>The Roslyn-located text edits: usings in order, members and statements in the house layout.</summary>
public sealed class SourceFileTests
{
    [Theory]
    [InlineData("Shop.Entities", "using FluentValidation;\nusing Shop.Common;\nusing Shop.Entities;\n")]
    [InlineData("Alpha", "using Alpha;\nusing FluentValidation;\nusing Shop.Common;\n")]
    [InlineData("System.Text", "using System.Text;\nusing FluentValidation;\nusing Shop.Common;\n")]
    [InlineData("Shop.Common", "using FluentValidation;\nusing Shop.Common;\n")]
    [InlineData("Shop", "using FluentValidation;\nusing Shop.Common;\n")]
    public void AddUsing_keeps_the_order_dotnet_format_wants(string ns, string expectedUsings)
    {
        var file = new SourceFile("X.cs", "using FluentValidation;\nusing Shop.Common;\n\nnamespace Shop.Validators;\n\npublic class X\n{\n}\n", isNew: true);
        file.AddUsing(ns);
        Assert.StartsWith(expectedUsings + "\nnamespace", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SortUsings_orders_the_skeleton_usings()
    {
        var file = new SourceFile("X.cs", "using Zoo.Entities;\nusing Microsoft.EntityFrameworkCore;\nusing System;\n\nnamespace Zoo;\n", isNew: true);
        file.SortUsings();
        Assert.Equal("using System;\nusing Microsoft.EntityFrameworkCore;\nusing Zoo.Entities;\n\nnamespace Zoo;\n", file.Text);
    }

    [Fact]
    public void AddMembers_puts_a_blank_line_between_members_and_keeps_user_code()
    {
        var file = new SourceFile("X.cs", "namespace N;\n\npublic class X\n{\n    // Keep me.\n    public int A { get; set; }\n}\n", isNew: true);
        file.AddMembers("X", ["public int B { get; set; }", "public int C { get; set; }"]);
        Assert.Equal(
            "namespace N;\n\npublic class X\n{\n    // Keep me.\n    public int A { get; set; }\n\n    public int B { get; set; }\n\n    public int C { get; set; }\n}\n",
            file.Text);
    }

    [Fact]
    public void AddStatements_separates_multi_line_groups_with_blank_lines()
    {
        var file = new SourceFile("X.cs", "class X\n{\n    void M()\n    {\n        A();\n    }\n}\n", isNew: true);
        var body = file.Root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>().First();
        file.AddStatements(body, ["B();", "// Why.\nC()\n    .D();", "E();"]);
        Assert.Equal("class X\n{\n    void M()\n    {\n        A();\n        B();\n\n        // Why.\n        C()\n            .D();\n\n        E();\n    }\n}\n", file.Text);
    }

    [Fact]
    public void AddProperties_goes_before_the_collection_navigations()
    {
        var file = new SourceFile("X.cs", "namespace N;\n\npublic class X\n{\n    public int A { get; set; }\n\n    /// <summary>Children.</summary>\n    public ICollection<Y> Ys { get; } = [];\n}\n", isNew: true);
        file.AddProperties("X", ["public int B { get; set; }"]);
        Assert.Equal(
            "namespace N;\n\npublic class X\n{\n    public int A { get; set; }\n\n    public int B { get; set; }\n\n    /// <summary>Children.</summary>\n    public ICollection<Y> Ys { get; } = [];\n}\n",
            file.Text);
    }

    [Fact]
    public void AddProperties_before_a_collection_that_is_the_first_member()
    {
        var file = new SourceFile("X.cs", "namespace N;\n\npublic class X\n{\n    public ICollection<Y> Ys { get; } = [];\n}\n", isNew: true);
        file.AddProperties("X", ["public int B { get; set; }", "public int C { get; set; }"]);
        Assert.Equal(
            "namespace N;\n\npublic class X\n{\n    public int B { get; set; }\n\n    public int C { get; set; }\n\n    public ICollection<Y> Ys { get; } = [];\n}\n",
            file.Text);
    }
}
