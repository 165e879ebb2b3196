using Strata.Tool.Project;

namespace Strata.Tool.Diagrams;

/// <summary>
/// <c>docs/model.md</c> being drawn in the background while <c>dotnet ef</c> adds the migration: both only read the
/// build output, so on two cores the diagram costs the command next to nothing. It is written only once the
/// migration has succeeded (<see cref="Complete"/>); a failed command discards it.
/// </summary>
internal sealed class PendingDiagram
{
    private readonly ModelProject _project;
    private readonly Task<string> _markdown;

    private PendingDiagram(ModelProject project, Task<string> markdown)
    {
        _project = project;
        _markdown = markdown;
    }

    /// <summary>Starts drawing the model of the project as it was just built.</summary>
    public static PendingDiagram Start(ModelProject project) => new(project, Task.Run(() => ModelDiagramFile.Render(project)));

    /// <summary>
    /// Writes the diagram when it changed. The command's own work is done by then, so a failure here is a warning
    /// naming the command to run, not a failed command.
    /// </summary>
    public void Complete()
    {
        try
        {
            var (path, changed) = ModelDiagramFile.Save(_project, _markdown.GetAwaiter().GetResult());
            if (changed)
            {
                Console.WriteLine($"Updated {Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/')}.");
            }
        }
        catch (CommandFailedException exception)
        {
            Console.Error.WriteLine($"warning: {ModelDiagramFile.RelativePath} was not updated: {exception.Message}");
        }
    }

    /// <summary>Waits for the drawing to end (no process left behind) and drops it: the model it shows was not kept.</summary>
    public void Discard()
    {
        try
        {
            _markdown.GetAwaiter().GetResult();
        }
        catch (CommandFailedException)
        {
            // The command is failing for its own reason; this one would only hide it.
        }
    }
}
