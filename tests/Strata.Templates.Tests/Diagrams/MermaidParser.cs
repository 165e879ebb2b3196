using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Diagrams;

/// <summary>
/// The real Mermaid parser (npm mermaid + jsdom in node), installed by build/test.sh into tests/mermaid-check
/// (<c>npm ci</c>). Where node or that install is missing, the calling test is skipped with the reason.
/// </summary>
public static class MermaidParser
{
    public static string CheckDirectory => Path.Combine(RepoPaths.Root, "tests", "mermaid-check");

    /// <summary>Parses every <c>```mermaid</c> block of <paramref name="markdownFile"/>; fails the test with the parser's error.</summary>
    public static async Task AssertParsesAsync(string markdownFile)
    {
        Skip.If(FindOnPath("node") is null, "node is not on the PATH: the Mermaid parse check needs node (and npm ci in tests/mermaid-check).");
        Skip.IfNot(Directory.Exists(Path.Combine(CheckDirectory, "node_modules", "mermaid")), "tests/mermaid-check has no node_modules: run npm ci there (build/test.sh does when node is present).");

        var result = await ProcessRunner.RunAsync("node", ["parse.mjs", markdownFile], CheckDirectory, TimeSpan.FromMinutes(2));
        Assert.True(result.Succeeded, $"Mermaid does not parse {markdownFile}:\n{result.Describe()}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
