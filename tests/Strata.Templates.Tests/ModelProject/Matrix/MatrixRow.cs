namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>One project of the option matrix: the <c>-n</c> name, its C# identifier and the options.</summary>
public sealed record MatrixRow(string Name, string Identifier, OptionRow Options)
{
    /// <summary>How the row reads in test names, e.g. <c>Shop --database PostgreSql --soft-delete</c>.</summary>
    public string Label => $"{Name} {Options}";
}
