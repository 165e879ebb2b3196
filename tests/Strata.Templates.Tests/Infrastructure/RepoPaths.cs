namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Well-known locations in the source tree, found from the test assembly's location so tests
/// read and write the real files (snapshots, content) rather than the copies under bin/.
/// </summary>
public static class RepoPaths
{
    private const string RootMarkerFile = "Templates.csproj";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test assembly holding Templates.csproj.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The template pack project.</summary>
    public static string TemplatesProject => Path.Combine(Root, RootMarkerFile);

    /// <summary>The solution: the template pack, the <c>dotnet strata</c> tool and the tests.</summary>
    public static string Solution => Path.Combine(Root, "Templates.sln");

    /// <summary>The folder holding one sub-folder per template.</summary>
    public static string ContentDirectory => Path.Combine(Root, "content");

    /// <summary>This test project's folder in the source tree.</summary>
    public static string TestProjectDirectory => Path.Combine(Root, "tests", "Strata.Templates.Tests");

    /// <summary>Approved snapshots, one folder per snapshot name.</summary>
    public static string SnapshotsDirectory => Path.Combine(TestProjectDirectory, "Snapshots");

    /// <summary>
    /// The shared/ folder laid beside the repository (../shared), or <see langword="null"/> where
    /// this checkout has none.
    /// </summary>
    public static string? SharedDirectory
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    private static string FindRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RootMarkerFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root: no folder above '{start}' contains {RootMarkerFile}. " +
            "Run the tests from a checkout of the repository.");
    }
}
