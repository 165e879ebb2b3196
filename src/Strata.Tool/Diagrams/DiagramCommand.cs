using Strata.Tool.Project;

namespace Strata.Tool.Diagrams;

/// <summary><c>dotnet strata diagram</c>: builds the model project and writes docs/model.md from its design-time model.</summary>
internal static class DiagramCommand
{
    public static int Run(string? projectOption, bool noBuild, string workingDirectory)
    {
        var project = ModelProject.Find(projectOption, Path.GetFullPath(workingDirectory));
        if (!noBuild)
        {
            Console.WriteLine($"Building {project.Name}...");
            // Restores too: `diagram` may be the first command run on a fresh clone.
            if (!Commands.Migrations.Build(project, restore: true))
            {
                throw new CommandFailedException($"{project.Name} does not build (see the errors above), so {ModelDiagramFile.RelativePath} was not written. Fix the errors, then run: {ModelDiagramFile.Command}");
            }
        }

        var (path, changed) = ModelDiagramFile.Write(project);
        var shown = Path.GetRelativePath(Path.GetFullPath(workingDirectory), path).Replace('\\', '/');
        Console.WriteLine(changed ? $"Wrote {shown}." : $"{shown} is up to date.");
        return 0;
    }
}
