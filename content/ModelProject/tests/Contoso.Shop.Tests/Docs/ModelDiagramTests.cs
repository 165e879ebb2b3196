using Contoso.Shop.Common.Diagrams;

namespace Contoso.Shop.Tests.Docs;

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
        var firstDifference = expected.Split('\n').Zip(actual.Split('\n'), (line, found) => (line, found))
            .Select((pair, index) => (pair.line, pair.found, number: index + 1))
            .FirstOrDefault(pair => pair.line != pair.found);
        Assert.True(
            actual == expected,
            $"{ModelDiagram.RelativePath} no longer matches the model (line {firstDifference.number}: expected '{firstDifference.line}', found '{firstDifference.found}'); "
                + $"run `{ModelDiagram.Command}` in the model project's folder and commit the file.");
    }

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
