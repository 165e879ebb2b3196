using System.Security.Cryptography;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// What a folder holds, to prove a command changed nothing: every folder and file (relative path,
/// '/'-separated) with a SHA-256 of each file's content. Build output (bin/, obj/) is left out.
/// </summary>
public sealed class ProjectState
{
    private const string Folder = "(folder)";

    private static readonly string[] IgnoredFolderNames = ["bin", "obj"];

    private ProjectState(string root, IReadOnlyDictionary<string, string> entries)
    {
        Root = root;
        Entries = entries;
    }

    public string Root { get; }

    /// <summary>Relative path to the content hash, or "(folder)" for a folder.</summary>
    public IReadOnlyDictionary<string, string> Entries { get; }

    public static ProjectState Capture(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            Walk(root, root, entries);
        }

        return new ProjectState(root, entries);
    }

    /// <summary>One line per difference ("added", "removed" or "changed" and the path); empty when equal.</summary>
    public IReadOnlyList<string> DifferencesTo(ProjectState after)
    {
        var differences = new List<string>();
        foreach (var (path, hash) in after.Entries)
        {
            if (!Entries.TryGetValue(path, out var before))
            {
                differences.Add($"added {path}{(hash == Folder ? "/" : "")}");
            }
            else if (before != hash)
            {
                differences.Add($"changed {path}");
            }
        }

        differences.AddRange(Entries.Keys.Where(path => !after.Entries.ContainsKey(path)).Select(path => $"removed {path}"));
        return differences;
    }

    /// <summary>The files (not folders) <paramref name="after"/> has that this state has not.</summary>
    public IReadOnlyList<string> AddedFiles(ProjectState after) =>
        [.. after.Entries.Where(entry => entry.Value != Folder && !Entries.ContainsKey(entry.Key)).Select(entry => entry.Key)];

    private static void Walk(string root, string directory, SortedDictionary<string, string> entries)
    {
        foreach (var subdirectory in Directory.EnumerateDirectories(directory))
        {
            if (IgnoredFolderNames.Contains(Path.GetFileName(subdirectory), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            entries[Relative(root, subdirectory)] = Folder;
            Walk(root, subdirectory, entries);
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            entries[Relative(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
