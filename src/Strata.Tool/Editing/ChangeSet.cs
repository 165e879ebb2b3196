namespace Strata.Tool.Editing;

/// <summary>
/// Every file one command edits or creates, kept in memory until <see cref="Write"/>; <see cref="Undo"/>
/// puts the project back as it was (all or nothing).
/// </summary>
internal sealed class ChangeSet
{
    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
    private readonly List<string> _createdDirectories = [];
    private readonly List<string> _deleteOnUndo = [];
    private readonly List<SourceFile> _deleted = [];

    public IEnumerable<SourceFile> Files => _files.Values;

    /// <summary>The file at <paramref name="path"/>, read once and then edited in memory.</summary>
    public SourceFile Open(string path)
    {
        path = Path.GetFullPath(path);
        if (!_files.TryGetValue(path, out var file))
        {
            file = SourceFile.Open(path);
            _files[path] = file;
        }

        return file;
    }

    /// <summary>A new file; the caller has checked that nothing exists at <paramref name="path"/>.</summary>
    public SourceFile Create(string path, string text)
    {
        path = Path.GetFullPath(path);
        var file = new SourceFile(path, text, isNew: true);
        _files[path] = file;
        return file;
    }

    /// <summary>A file this command deletes (<see cref="Write"/>); an undo puts it back.</summary>
    public void Delete(string path)
    {
        var file = Open(path);
        _deleted.Add(file);
    }

    public IReadOnlyList<SourceFile> Deleted => _deleted;

    /// <summary>A file written before this command ran (a skeleton from the engine) that an undo deletes.</summary>
    public void DeleteOnUndo(string path) => _deleteOnUndo.Add(Path.GetFullPath(path));

    public void Write()
    {
        foreach (var file in _deleted)
        {
            File.Delete(file.Path);
        }

        foreach (var file in _files.Values.Where(file => file.IsChanged && !_deleted.Contains(file)))
        {
            var directory = Path.GetDirectoryName(file.Path)!;
            for (var missing = directory; !Directory.Exists(missing); missing = Path.GetDirectoryName(missing)!)
            {
                _createdDirectories.Add(missing);
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(file.Path, file.Text);
        }
    }

    /// <summary>Restores edited files, deletes created ones and the folders that held only them.</summary>
    public void Undo()
    {
        foreach (var file in _deleted)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, file.OriginalText!);
        }

        foreach (var file in _files.Values.Where(file => !_deleted.Contains(file)))
        {
            if (file.OriginalText is null || _deleteOnUndo.Contains(file.Path))
            {
                File.Delete(file.Path);
            }
            else if (file.IsChanged)
            {
                File.WriteAllText(file.Path, file.OriginalText);
            }
        }

        foreach (var path in _deleteOnUndo)
        {
            File.Delete(path);
        }

        foreach (var directory in _createdDirectories.OrderByDescending(path => path.Length))
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }
}
