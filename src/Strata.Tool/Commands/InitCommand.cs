using Strata.Tool.Diagrams;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>
/// <c>dotnet strata init</c>: a new model project's first migration, <c>InitialCreate</c>, written by EF Core's own
/// scaffolder, and its docs/model.md. <c>dotnet new modelproject</c> runs it (after <c>dotnet tool restore</c>) as
/// its last step, so the template ships no migration: whatever options were chosen, the migration is exactly what
/// EF Core generates for that model. All or nothing: on any failure the Migrations folder and docs/model.md are as
/// they were.
/// </summary>
internal static class InitCommand
{
    public const string Migration = "InitialCreate";

    private const string Rerun = "dotnet strata init";

    /// <summary>How deep below the working folder a model project is looked for (the solution's src/&lt;Name&gt;/).</summary>
    private const int SearchDepth = 2;

    public static int Run(string? projectOption, string workingDirectory)
    {
        var directory = Path.GetFullPath(workingDirectory);
        var project = ModelProject.Find(projectOption ?? FindBelow(directory), directory);
        var folder = Path.Combine(project.Directory, "Migrations");
        // The migrations themselves first (not their designer files or the model snapshot), to name one in the message.
        var existing = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(project.Directory, path).Replace('\\', '/'))
                .OrderBy(path => path.EndsWith(".Designer.cs", StringComparison.Ordinal) || path.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
                .ThenBy(path => path, StringComparer.Ordinal)
                .ToList()
            : [];
        if (existing.Count > 0)
        {
            throw new InputException($"{project.Name} already has migrations ({existing[0]}{(existing.Count > 1 ? $" and {existing.Count - 1} more" : "")}); init only writes a new project's first one. "
                + "Add a migration for later changes with dotnet ef migrations add <Name>, or delete the Migrations folder to start again from an initial migration.");
        }

        Console.WriteLine($"Building {project.Name}...");
        // Restores too: init runs on a project dotnet new has just written.
        if (!Migrations.Build(project, restore: true))
        {
            throw new CommandFailedException($"{project.Name} does not build (see the errors above), so no migration was written. Fix the errors, then run: {Rerun}");
        }

        // Both only read the build output: the diagram is drawn while dotnet ef writes the migration.
        var diagram = Task.Run(() => ModelDiagramFile.Render(project));
        var before = Migrations.SnapshotOf(project);
        Console.WriteLine($"Adding migration {Migration}{(project.Database.Length > 0 ? $" ({project.Database})" : "")}...");
        var ef = Migrations.Ef(project, "migrations", "add", Migration, "--no-build");
        var written = Directory.Exists(folder) && Directory.EnumerateFiles(folder, $"*_{Migration}.cs").Any();
        string? reason = ef != 0 ? "dotnet ef migrations add failed (see above)"
            : !written ? $"dotnet ef did not write the migration {Migration}"
            : null;

        string? markdown = null;
        try
        {
            markdown = diagram.GetAwaiter().GetResult();
        }
        catch (CommandFailedException exception)
        {
            reason ??= $"{ModelDiagramFile.RelativePath} could not be drawn: {exception.Message}";
        }

        if (reason is not null)
        {
            Migrations.Restore(folder, before);
            throw new CommandFailedException($"{reason}, so no migration was written. Fix the problem (if a tool is missing: dotnet tool restore), then run: {Rerun}");
        }

        var (path, _) = ModelDiagramFile.Save(project, markdown!);
        Console.WriteLine($"Added the migration {Migration} and wrote {Path.GetRelativePath(directory, path).Replace('\\', '/')}. Apply it with: dotnet ef database update");
        return 0;
    }

    /// <summary>
    /// The model project in <paramref name="directory"/> or the folders below it (a new solution's src/&lt;Name&gt;/,
    /// where dotnet new runs init); null when there is none, and the usual search upwards applies.
    /// </summary>
    private static string? FindBelow(string directory)
    {
        var found = Search(new DirectoryInfo(directory), SearchDepth).Order(StringComparer.Ordinal).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InputException($"{found.Count} model projects below {directory} ({string.Join(", ", found.Select(file => Path.GetRelativePath(directory, file).Replace('\\', '/')))}); pass the one to initialise with --project <folder>."),
        };

        static IEnumerable<string> Search(DirectoryInfo folder, int depth)
        {
            foreach (var file in folder.EnumerateFiles("*.csproj").Select(info => info.FullName).Where(ModelProject.IsModelProject))
            {
                yield return file;
            }

            if (depth == 0)
            {
                yield break;
            }

            foreach (var child in folder.EnumerateDirectories().Where(child => child.Name is not ("bin" or "obj") && !child.Name.StartsWith('.')))
            {
                foreach (var file in Search(child, depth - 1))
                {
                    yield return file;
                }
            }
        }
    }
}
