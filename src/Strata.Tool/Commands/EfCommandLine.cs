using System.Text.Json;
using System.Xml.Linq;
using Strata.Tool.Diagrams;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>
/// The command line that <c>dotnet ef ... --no-build</c> ends up running: <c>dotnet exec ... ef.dll</c> in the
/// project's dependency context, built here without dotnet-ef's own step before it.
/// </summary>
/// <remarks>
/// dotnet-ef spends about a second evaluating the project with MSBuild (twice: as project and as startup project)
/// to learn its output path, assembly, package folders and design assembly. The tool already knows these: it has
/// just built the project, and reads the rest from the csproj, the build output and obj/project.assets.json. The
/// arguments mirror dotnet-ef's RootCommand (dotnet/efcore src/dotnet-ef/RootCommand.cs) for a project that is its
/// own startup project, and ef.dll is the one of the dotnet-ef version the project's tool manifest pins.
/// </remarks>
internal static class EfCommandLine
{
    /// <summary>
    /// The arguments to <c>dotnet</c> that run <paramref name="command"/> (a <c>dotnet ef</c> command with
    /// <c>--no-build</c>) through ef.dll directly; null when any input is missing or unusual, and the caller then
    /// runs <c>dotnet ef</c> itself (no manifest pin, dotnet-ef not restored, no build output, a build other than
    /// bin/Debug/&lt;tfm&gt;/, no runtimeconfig).
    /// </summary>
    public static List<string>? For(ModelProject project, IReadOnlyList<string> command)
    {
        // Without --no-build dotnet ef builds first: only its own command line does that.
        if (!command.Contains("--no-build"))
        {
            return null;
        }

        string assembly;
        IReadOnlyList<string> packageFolders;
        try
        {
            assembly = ModelDiagramFile.BuiltAssembly(project);
            packageFolders = ModelDiagramFile.PackageFolders(project);
        }
        catch (CommandFailedException)
        {
            return null;
        }

        // dotnet ef reads bin/Debug/<tfm>/ (no configuration given), and asks for --framework when there are several.
        var output = Path.GetDirectoryName(assembly)!;
        var framework = Path.GetFileName(output);
        var debug = Path.Combine(project.Directory, "bin", "Debug");
        if (Path.GetDirectoryName(output) != debug || Directory.GetDirectories(debug).Length != 1)
        {
            return null;
        }

        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        var efDll = ManifestVersion(project.Directory) is { } version ? EfDll(packageFolders, version) : null;
        if (efDll is null || !File.Exists(runtimeConfig))
        {
            return null;
        }

        var depsFile = Path.ChangeExtension(assembly, ".deps.json");
        List<string> arguments = ["exec", "--depsfile", depsFile];
        foreach (var folder in packageFolders)
        {
            arguments.AddRange(["--additionalprobingpath", folder.TrimEnd(Path.DirectorySeparatorChar)]);
        }

        arguments.AddRange(["--runtimeconfig", runtimeConfig, efDll]);
        arguments.AddRange(command.Where(argument => argument != "--no-build"));
        arguments.AddRange(
        [
            "--assembly", assembly,
            "--project", project.ProjectFile,
            "--startup-assembly", assembly,
            "--startup-project", project.ProjectFile,
            "--project-dir", project.Directory + Path.DirectorySeparatorChar,
            "--root-namespace", project.RootNamespace,
            "--language", "C#",
            "--framework", framework,
        ]);
        if (DesignAssembly(depsFile, packageFolders) is { } design)
        {
            arguments.AddRange(["--design-assembly", design]);
        }

        if (Nullable(project) is "enable" or "annotations")
        {
            arguments.Add("--nullable");
        }

        arguments.AddRange(["--working-dir", project.Directory]);
        return arguments;
    }

    /// <summary>The dotnet-ef version pinned by the nearest tool manifest at or above the project, as dotnet tool looks them up.</summary>
    private static string? ManifestVersion(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            foreach (var path in new[] { Path.Combine(folder.FullName, ".config", "dotnet-tools.json"), Path.Combine(folder.FullName, "dotnet-tools.json") })
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                if (root.TryGetProperty("tools", out var tools) && tools.TryGetProperty("dotnet-ef", out var tool)
                    && tool.TryGetProperty("version", out var version) && version.GetString() is { Length: > 0 } pinned)
                {
                    return pinned;
                }

                if (root.TryGetProperty("isRoot", out var isRoot) && isRoot.ValueKind == JsonValueKind.True)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// tools/&lt;tfm&gt;/any/tools/&lt;tfm&gt;/any/ef.dll of the restored dotnet-ef package (the .NET Framework ef.exe
    /// beside it is not a dll); null unless exactly one is found.
    /// </summary>
    private static string? EfDll(IReadOnlyList<string> packageFolders, string version)
    {
        foreach (var folder in packageFolders)
        {
            var tools = Path.Combine(folder, "dotnet-ef", version.ToLowerInvariant(), "tools");
            if (Directory.Exists(tools))
            {
                var found = Directory.EnumerateFiles(tools, "ef.dll", SearchOption.AllDirectories).Take(2).ToList();
                return found.Count == 1 ? found[0] : null;
            }
        }

        return null;
    }

    /// <summary>Microsoft.EntityFrameworkCore.Design.dll in the package folders, as the project's deps.json names it; null when it does not.</summary>
    private static string? DesignAssembly(string depsFile, IReadOnlyList<string> packageFolders)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(depsFile));
        var root = document.RootElement;
        if (!root.TryGetProperty("runtimeTarget", out var runtimeTarget) || runtimeTarget.GetProperty("name").GetString() is not { } target
            || !root.GetProperty("targets").TryGetProperty(target, out var libraries))
        {
            return null;
        }

        foreach (var library in libraries.EnumerateObject().Where(library => library.Name.StartsWith("Microsoft.EntityFrameworkCore.Design/", StringComparison.Ordinal)))
        {
            var asset = library.Value.TryGetProperty("runtime", out var runtime)
                ? runtime.EnumerateObject().Select(file => file.Name).FirstOrDefault(file => file.EndsWith("/Microsoft.EntityFrameworkCore.Design.dll", StringComparison.Ordinal))
                : null;
            var package = root.GetProperty("libraries").TryGetProperty(library.Name, out var entry) && entry.TryGetProperty("path", out var path) ? path.GetString() : null;
            if (asset is null || package is null)
            {
                return null;
            }

            return packageFolders.Select(folder => Path.Combine(folder, package, asset)).FirstOrDefault(File.Exists);
        }

        return null;
    }

    /// <summary>The Nullable property from the csproj, else from the Directory.Build.props MSBuild imports (the nearest above it).</summary>
    private static string? Nullable(ModelProject project)
    {
        static string? Read(string file) =>
            XDocument.Load(file).Descendants()
                .LastOrDefault(element => element.Name.LocalName == "Nullable" && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

        if (Read(project.ProjectFile) is { } own)
        {
            return own;
        }

        for (var folder = new DirectoryInfo(project.Directory); folder is not null; folder = folder.Parent)
        {
            var props = Path.Combine(folder.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                return Read(props);
            }
        }

        return null;
    }
}
