using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Tool.Tests;

/// <summary>Small assemblies compiled with Roslyn for tests that need a real built project without EF Core.</summary>
internal static class TestAssembly
{
    /// <summary>Compiles <paramref name="source"/> (against the runtime's own assemblies) into <paramref name="path"/>, deterministically.</summary>
    public static void Compile(string path, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(reference => Path.GetFileName(reference) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Linq.dll" or "System.Collections.dll")
            .Select(reference => MetadataReference.CreateFromFile(reference));
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        var result = compilation.Emit(file);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
