using Shop.Common.Diagrams;

namespace Shop.Tests.Docs;

/// <summary>docs/model.md shows the model as it is: a hand-made model change without the diagram fails here.</summary>
public sealed class ModelDiagramTests
{
    [Fact]
    public void Docs_model_md_matches_the_model()
    {
        var solution = SolutionDirectory();
        var path = Path.Combine(solution, ModelDiagram.RelativePath);
        var expected = ModelDiagram.ForDesignTime();

        Assert.True(File.Exists(path), $"{ModelDiagram.RelativePath} is missing; run `{ModelDiagram.Command}` in the model project's folder and commit the file.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            actual == expected,
            $"{ModelDiagram.RelativePath} no longer matches the model ({FirstDifference(expected, actual)}); "
                + $"run `{ModelDiagram.Command}` in the model project's folder and commit the file.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var index = 0; index < Math.Max(expectedLines.Length, actualLines.Length); index++)
        {
            var line = expectedLines.ElementAtOrDefault(index);
            var found = actualLines.ElementAtOrDefault(index);
            if (line != found)
            {
                return $"line {index + 1}: expected {Quoted(line)}, found {Quoted(found)}";
            }
        }

        return "no line differs";
    }

    private static string Quoted(string? line) => line is null ? "the end of the file" : $"'{line}'";

    /// <summary>The solution folder: the nearest folder above the test's output with a .slnx or .sln.</summary>
    private static string SolutionDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.slnx").Any() || directory.EnumerateFiles("*.sln").Any())
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No .slnx or .sln above {AppContext.BaseDirectory}: the test looks for {ModelDiagram.RelativePath} beside it.");
    }
}
