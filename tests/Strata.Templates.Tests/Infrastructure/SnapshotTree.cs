namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// The files of a folder as a snapshot sees them: keyed by relative path with '/' separators,
/// without build output or local databases, text with line endings normalised to '\n'.
/// </summary>
public sealed class SnapshotTree
{
    private static readonly string[] ExcludedDirectoryNames = ["bin", "obj", ".vs", "TestResults"];
    private static readonly string[] ExcludedExtensions = [".db", ".db-shm", ".db-wal", ".user"];

    private SnapshotTree(IReadOnlyDictionary<string, SnapshotFile> files) => Files = files;

    public IReadOnlyDictionary<string, SnapshotFile> Files { get; }

    /// <summary>Reads <paramref name="root"/> (missing folder: empty tree), keeping files that <paramref name="include"/> accepts.</summary>
    public static SnapshotTree Read(string root, Func<string, bool>? include = null)
    {
        var files = new SortedDictionary<string, SnapshotFile>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relativePath = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
                if (IsExcluded(relativePath) || (include is not null && !include(relativePath)))
                {
                    continue;
                }

                files[relativePath] = SnapshotFile.Read(path);
            }
        }

        return new SnapshotTree(files);
    }

    /// <summary>Replaces the contents of <paramref name="root"/> with this tree's files.</summary>
    public void WriteTo(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        foreach (var (relativePath, file) in Files)
        {
            var path = Path.Combine(root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            file.WriteTo(path);
        }
    }

    private static bool IsExcluded(string relativePath)
    {
        var segments = relativePath.Split('/');
        return segments[..^1].Any(segment => ExcludedDirectoryNames.Contains(segment, StringComparer.OrdinalIgnoreCase))
            || ExcludedExtensions.Any(extension => relativePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
