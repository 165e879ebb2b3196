using System.Diagnostics;
using System.Text.Json;
using Strata.Tool.Project;

namespace Strata.Tool.Diagrams;

/// <summary>
/// Writes <c>docs/model.md</c> (beside the solution file) from the built project's design-time model.
/// </summary>
/// <remarks>
/// Design: the drawing code ships as source in the model project (<c>Common/Diagrams/ModelDiagram.cs</c>), because
/// the project's own test must draw the same picture to tell when the file is stale. The tool never loads EF Core
/// itself (its version would have to match the project's): like dotnet-ef with ef.dll, it starts the small
/// strata-agent inside the project's dependency context (<c>dotnet exec --depsfile &lt;project&gt;.deps.json
/// --additionalprobingpath &lt;NuGet folder&gt;</c>), which loads the built assembly and calls
/// <c>ModelDiagram.ForDesignTime()</c>.
/// </remarks>
internal static class ModelDiagramFile
{
    public const string RelativePath = "docs/model.md";

    /// <summary>The folder that holds docs/: the nearest one at or above the project with a .slnx or .sln.</summary>
    public static string SolutionDirectory(ModelProject project)
    {
        for (var directory = new DirectoryInfo(project.Directory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.slnx").Any() || directory.EnumerateFiles("*.sln").Any())
            {
                return directory.FullName;
            }
        }

        return project.Directory;
    }

    /// <summary>Renders the diagram of the built project and writes it when it changed. Returns the file and whether it changed.</summary>
    public static (string Path, bool Changed) Write(ModelProject project) => Save(project, Render(project));

    /// <summary>The diagram of the built project, drawn by strata-agent in the project's dependency context.</summary>
    public static string Render(ModelProject project)
    {
        var assembly = BuiltAssembly(project);
        var output = System.IO.Path.GetTempFileName();
        try
        {
            RunAgent(project, assembly, output);
            return File.ReadAllText(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Writes <paramref name="markdown"/> to docs/model.md when it differs. Returns the file and whether it changed.</summary>
    public static (string Path, bool Changed) Save(ModelProject project, string markdown)
    {
        var path = System.IO.Path.Combine(SolutionDirectory(project), RelativePath);
        if (File.Exists(path) && File.ReadAllText(path) == markdown)
        {
            return (path, false);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, markdown);
        return (path, true);
    }

    /// <summary>
    /// Rewrites the diagram after a scaffolder command changed the model and built the project. The command's own
    /// work is done by then, so a failure here is a warning naming the command to run, not a failed command.
    /// </summary>
    public static void RewriteAfterChange(ModelProject project) => PendingDiagram.Start(project).Complete();

    /// <summary>bin/&lt;configuration&gt;/&lt;framework&gt;/&lt;Name&gt;.dll with its deps.json, the most recently built one.</summary>
    internal static string BuiltAssembly(ModelProject project)
    {
        var bin = System.IO.Path.Combine(project.Directory, "bin");
        var candidates = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, AssemblyName(project) + ".dll", SearchOption.AllDirectories)
                .Where(path => File.Exists(System.IO.Path.ChangeExtension(path, ".deps.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new CommandFailedException($"{project.Name} is not built (no bin/.../{AssemblyName(project)}.dll); run dotnet build, then {Command}.");
    }

    public const string Command = "dotnet strata diagram";

    /// <summary>The project's AssemblyName property, else its file name (the SDK's default).</summary>
    private static string AssemblyName(ModelProject project) =>
        System.Xml.Linq.XDocument.Load(project.ProjectFile).Descendants()
            .LastOrDefault(element => element.Name.LocalName == "AssemblyName" && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim() is { Length: > 0 } name
            ? name
            : project.Name;

    private static void RunAgent(ModelProject project, string assembly, string output)
    {
        var (exitCode, error) = StartAgent(project, assembly, output);

        // strata-agent ends with 0, 1 or 2; anything else is the runtime giving up. Its JIT profile (a runtime file
        // strata-agent edits, see JitProfile in Strata.Tool.Agent) is the one input a retry can do without.
        var profile = System.IO.Path.Combine(IntermediateDirectory(project), Agent.JitProfile.FileName);
        if (exitCode is not (0 or 1 or 2) && TryDelete(profile))
        {
            (exitCode, error) = StartAgent(project, assembly, output);
        }

        if (exitCode != 0)
        {
            var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {exitCode}";
            throw new CommandFailedException($"could not read the model of {project.Name} ({reason}). Fix it, then run: {Command}");
        }

        if (Environment.GetEnvironmentVariable("STRATA_TIMING") == "1")
        {
            Console.Error.Write(error);
        }
    }

    /// <summary>Deletes <paramref name="path"/>; false when there was none or it could not be deleted.</summary>
    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (int ExitCode, string Error) StartAgent(ModelProject project, string assembly, string output)
    {
        var agent = System.IO.Path.Combine(AppContext.BaseDirectory, "strata-agent.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project.Directory,
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(System.IO.Path.ChangeExtension(assembly, ".deps.json"));
        foreach (var folder in PackageFolders(project))
        {
            start.ArgumentList.Add("--additionalprobingpath");
            start.ArgumentList.Add(folder);
        }

        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(System.IO.Path.ChangeExtension(agent, ".runtimeconfig.json"));
        start.ArgumentList.Add(agent);
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(output);
        start.ArgumentList.Add(IntermediateDirectory(project));

        using var process = Process.Start(start) ?? throw new CommandFailedException("could not start dotnet; is the .NET SDK on the PATH?");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = standardOutput.Result;
        return (process.ExitCode, error);
    }

    /// <summary>The project's obj/ folder (where its restore output is), for strata-agent's JIT profile.</summary>
    private static string IntermediateDirectory(ModelProject project) => System.IO.Path.Combine(project.Directory, "obj");

    /// <summary>The NuGet package folders the project was restored from (obj/project.assets.json), where its deps.json points.</summary>
    internal static IReadOnlyList<string> PackageFolders(ModelProject project)
    {
        var assets = System.IO.Path.Combine(project.Directory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            throw new CommandFailedException($"{project.Name} is not restored (no obj/project.assets.json); run dotnet build, then {Command}.");
        }

        using var stream = File.OpenRead(assets);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.TryGetProperty("packageFolders", out var folders)
            ? folders.EnumerateObject().Select(folder => folder.Name).ToList()
            : [];
    }
}
