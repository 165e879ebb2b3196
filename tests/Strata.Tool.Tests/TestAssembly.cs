using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Tool.Tests;

/// <summary>C# compiled with Roslyn against the assemblies this test run has (the runtime's and the test's packages).</summary>
internal static class TestAssembly
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>A library named <paramref name="name"/> of <paramref name="trees"/>, deterministic, not yet emitted.</summary>
    public static CSharpCompilation Compilation(string name, params SyntaxTree[] trees) =>
        CSharpCompilation.Create(name, trees, References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));

    /// <summary>Compiles <paramref name="source"/> into <paramref name="path"/> (the assembly takes the file's name).</summary>
    public static void Compile(string path, string source)
    {
        var compilation = Compilation(Path.GetFileNameWithoutExtension(path), CSharpSyntaxTree.ParseText(source));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        var result = compilation.Emit(file);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
