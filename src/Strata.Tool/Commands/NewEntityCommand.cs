using System.Text;
using Contoso.Shop.Common.Conventions;
using Strata.Tool.Editing;
using Strata.Tool.Fields;
using Strata.Tool.Generation;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>The options of <c>dotnet strata new-entity</c>, as the entity template passes them.</summary>
internal sealed record NewEntityOptions
{
    public required string Name { get; init; }

    public string Fields { get; init; } = "";

    public string Parent { get; init; } = "";

    public bool OptionalParent { get; init; }

    public string OnDelete { get; init; } = "";

    public string Plural { get; init; } = "";

    public string Folder { get; init; } = "";

    public bool SkipMigration { get; init; }

    public string Project { get; init; } = "";
}

/// <summary>
/// Completes the files <c>dotnet new entity</c> wrote (entity, configuration, validator skeletons): fields,
/// parent, DbSet, inverse collections, then one build and the migration. On bad input the engine's files are
/// deleted; on a failed build or migration every file is put back.
/// </summary>
internal static class NewEntityCommand
{
    public static int Run(NewEntityOptions options, string workingDirectory)
    {
        var outputDirectory = Path.GetFullPath(workingDirectory);
        var folder = options.Folder.Replace('\\', '/').Trim('/');
        var relative = new EntityFilesRelative(options.Name, folder);
        // Only files that are still the engine's skeletons are ever deleted: never an entity a user has worked on.
        var written = relative.All.Select(path => Path.Combine(outputDirectory, path)).Where(path => File.Exists(path) && IsSkeleton(path)).ToList();

        ModelProject project;
        EntityPlan plan;
        try
        {
            project = ModelProject.Find(options.Project.Length > 0 ? options.Project : null, outputDirectory);
            plan = Check(options, project, outputDirectory, relative);
        }
        catch (InputException)
        {
            RemoveWritten(outputDirectory, written, relative);
            RemoveOutputFolderCreatedByEngine(outputDirectory, options.Project);
            throw;
        }

        var changes = new ChangeSet();
        var projectFiles = relative.In(project.Directory);
        try
        {
            // The engine wrote outside the project (dotnet new entity --project ...): the files move in.
            if (outputDirectory != project.Directory)
            {
                foreach (var (from, to) in relative.In(outputDirectory).All.Zip(projectFiles.All))
                {
                    changes.Create(to, File.ReadAllText(from));
                }
            }
            else
            {
                foreach (var path in projectFiles.All)
                {
                    changes.DeleteOnUndo(path);
                }
            }

            var entity = new EntityContext(options.Name, plan.Plural, Names.Variable(options.Name), project.DbContext, project.KeyType());
            project.Register(new EntityClass(options.Name, projectFiles.Entity, true, changes.Open(projectFiles.Entity).Namespace, ["BaseEntity"]));
            new Scaffolder(project, changes).Scaffold(entity, projectFiles, plan.Fields, options.Plural.Length > 0 ? project.DatabaseName(options.Plural) : null);
            changes.Open(projectFiles.Configuration).SortUsings();
            changes.Open(projectFiles.Validator).SortUsings();
            changes.Create(plan.DbSetFile, DbSetFile(project, options.Name, plan.Plural, changes.Open(projectFiles.Entity).Namespace));
        }
        catch (InputException)
        {
            RemoveWritten(outputDirectory, written, relative);
            throw;
        }

        changes.Write();
        if (outputDirectory != project.Directory)
        {
            RemoveWritten(outputDirectory, written, relative);
        }

        var migration = Migrations.UniqueName(project, "Add" + options.Name);
        if (options.SkipMigration)
        {
            Console.WriteLine($"Added {options.Name} without a migration (--skip-migration). When it is ready: cd \"{project.Directory}\" && dotnet ef migrations add {migration}");
            return 0;
        }

        try
        {
            Migrations.Add(project, migration, changes, RerunCommand(options));
        }
        catch (CommandFailedException)
        {
            RemoveWritten(project.Directory, [], relative);
            throw;
        }

        Console.WriteLine($"Added {options.Name} and the migration {migration}. Apply it with: dotnet ef database update");
        return 0;
    }

    private sealed record EntityPlan(IReadOnlyList<FieldSpec> Fields, string Plural, string DbSetFile);

    private static EntityPlan Check(NewEntityOptions options, ModelProject project, string outputDirectory, EntityFilesRelative relative)
    {
        var name = options.Name;
        if (!Names.IsTypeName(name))
        {
            throw new InputException($"'{name}' is not a valid entity name; use a C# class name starting with a capital letter (e.g. OrderLine).");
        }

        if (Names.ReservedEntityNames.Contains(name) || name == project.DbContext || name == project.RootNamespace.Split('.')[0] || name == Path.GetFileName(project.Directory))
        {
            throw new InputException($"'{name}' is taken by the project or .NET (a folder, a base type, the DbContext, the namespace or a System type); choose another entity name.");
        }

        if (options.Parent.Length > 0 && (!Names.IsTypeName(options.Parent) || options.Parent is "Id" or "Name" or "Version" or "CreatedAt" or "UpdatedAt"))
        {
            throw new InputException($"--parent '{options.Parent}' is not an entity class name; pass the class, e.g. --parent Customer.");
        }

        if (options.Parent == name)
        {
            throw new InputException($"--parent {name}: an entity cannot be its own parent; for a tree use --fields \"Parent:references{{{name}}}?\".");
        }

        if (options.Parent.Length == 0 && (options.OptionalParent || options.OnDelete.Length > 0))
        {
            throw new InputException("--optional-parent and --on-delete describe the --parent relationship; add --parent <Entity> or remove them.");
        }

        DeleteRule? onDelete = options.OnDelete.Length == 0 ? null
            : Enum.TryParse<DeleteRule>(options.OnDelete, ignoreCase: true, out var rule) ? rule
            : throw new InputException($"--on-delete '{options.OnDelete}' is not one of Cascade, Restrict, SetNull; pick one.");
        if (onDelete == DeleteRule.SetNull && !options.OptionalParent)
        {
            throw new InputException("--on-delete SetNull needs --optional-parent (a NULL to set); add it, or use Cascade or Restrict.");
        }

        if (options.Plural.Length > 0 && !Names.IsTypeName(options.Plural))
        {
            throw new InputException($"--plural '{options.Plural}' is not a valid name; use a C# name starting with a capital letter (e.g. --plural Staff).");
        }

        var folder = relative.Folder;
        if (folder.Length > 0 && !folder.Split('/').All(Names.IsTypeName))
        {
            throw new InputException($"--folder '{options.Folder}' is not a folder path of C# names; use e.g. --folder Sales or --folder Sales/Orders.");
        }

        // From a subfolder of the project the engine wrote Entities/... below it, with the wrong namespace.
        if (outputDirectory != project.Directory && outputDirectory.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var subfolder = Path.GetRelativePath(project.Directory, outputDirectory).Replace('\\', '/');
            var hint = subfolder.StartsWith("Entities/", StringComparison.Ordinal) ? subfolder["Entities/".Length..] : subfolder;
            throw new InputException($"dotnet new entity ran in {subfolder} (the current folder or -o), which would put {name} in {subfolder}/Entities with the wrong namespace; nothing was added. Run it in {project.Directory} and pass --folder {hint} for a subfolder.");
        }

        var inProject = relative.In(project.Directory);
        if (outputDirectory != project.Directory)
        {
            if (inProject.All.FirstOrDefault(File.Exists) is { } existing)
            {
                throw new InputException($"{project.Name} already has {Path.GetRelativePath(project.Directory, existing)}; nothing was added. Choose another name.");
            }
        }

        var skeletons = relative.In(outputDirectory).All;
        if (skeletons.FirstOrDefault(path => !File.Exists(path)) is { } missing)
        {
            throw new InputException($"{missing} is missing: new-entity completes the files dotnet new entity writes; run dotnet new entity -n {name} instead.");
        }

        if (skeletons.FirstOrDefault(path => !IsSkeleton(path)) is { } worked)
        {
            throw new InputException($"{Path.GetRelativePath(outputDirectory, worked)} is not the empty file dotnet new entity writes; new-entity completes new entities only. To add fields to {name}, run: dotnet strata add-fields {name} \"<fields>\"");
        }

        var fields = FieldSpecParser.Parse(options.Fields).ToList();
        if (options.Parent.Length > 0)
        {
            if (fields.FirstOrDefault(field => field.Name == options.Parent) is { } clash)
            {
                throw new InputException($"field '{clash.Token}': {options.Parent} is already the --parent; remove the field.");
            }

            fields.Insert(0, new FieldSpec
            {
                Token = "--parent " + options.Parent,
                Name = options.Parent,
                Type = FieldType.Reference,
                Target = options.Parent,
                IsOptional = options.OptionalParent,
                OnDelete = onDelete,
                IsParent = true,
            });
        }

        var plural = options.Plural.Length > 0 ? options.Plural : EnglishPlural.Of(name);
        var dbSetFile = Path.Combine(project.Directory, "DbSets", $"{project.DbContext}.{plural}.cs");
        if (File.Exists(dbSetFile))
        {
            throw new InputException($"{project.Name} already has DbSets/{Path.GetFileName(dbSetFile)} (a DbSet named {plural}); nothing was added. Choose another name or pass --plural.");
        }

        return new EntityPlan(fields, plural, dbSetFile);
    }

    /// <summary>Whether the file is a skeleton as the engine wrote it: a type with no members, or a Configure / constructor body with no statements.</summary>
    private static bool IsSkeleton(string path)
    {
        var root = SourceFile.Open(path).Root;
        var type = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null)
        {
            return false;
        }

        var bodies = type.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>().Select(member => member.Body).ToList();
        return type.Members.Count == 0
            || (type.Members.Count == 1 && bodies.Count == 1 && bodies[0] is { Statements.Count: 0 });
    }

    private static string DbSetFile(ModelProject project, string name, string plural, string entityNamespace)
    {
        var contextNamespace = DbContextNamespace(project);
        var usings = new List<string> { "Microsoft.EntityFrameworkCore" };
        if (entityNamespace != contextNamespace && !contextNamespace.StartsWith(entityNamespace + ".", StringComparison.Ordinal))
        {
            usings.Add(entityNamespace);
        }

        var text = new StringBuilder();
        foreach (var ns in usings.Order(Comparer<string>.Create(SourceFile.CompareUsings)))
        {
            text.Append("using ").Append(ns).Append(";\n");
        }

        text.Append($"\nnamespace {contextNamespace};\n\npublic partial class {project.DbContext}\n{{\n");
        text.Append($"    public DbSet<{name}> {plural} => Set<{name}>();\n}}\n");
        return text.ToString();
    }

    private static string DbContextNamespace(ModelProject project)
    {
        var file = Path.Combine(project.Directory, project.DbContext + ".cs");
        return File.Exists(file) ? SourceFile.Open(file).Namespace is { Length: > 0 } ns ? ns : project.RootNamespace : project.RootNamespace;
    }

    /// <summary>Deletes the engine's files and the folders it left empty (up to the output folder).</summary>
    /// <summary>
    /// After a refused run from <c>-o &lt;subfolder&gt;</c>: deletes the output folder the engine created for it (and parents
    /// it left empty), up to the folder the user ran the command in. A folder the user is in, or that holds anything, stays.
    /// </summary>
    private static void RemoveOutputFolderCreatedByEngine(string outputDirectory, string projectOption)
    {
        var invokedIn = InvocationDirectory.Find(outputDirectory);
        if (invokedIn is null || !outputDirectory.StartsWith(invokedIn + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        var stopAt = projectOption.Length > 0 && Directory.Exists(projectOption) ? Path.GetFullPath(projectOption) : invokedIn;
        for (var directory = outputDirectory;
            directory.Length > invokedIn.Length && directory.Length > stopAt.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any();
            directory = Path.GetDirectoryName(directory)!)
        {
            Directory.Delete(directory);
        }
    }

    private static void RemoveWritten(string outputDirectory, List<string> written, EntityFilesRelative relative)
    {
        foreach (var path in written)
        {
            File.Delete(path);
        }

        foreach (var path in relative.All)
        {
            for (var directory = Path.GetDirectoryName(Path.Combine(outputDirectory, path))!;
                directory.Length > outputDirectory.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any();
                directory = Path.GetDirectoryName(directory)!)
            {
                Directory.Delete(directory);
            }
        }
    }

    private static string RerunCommand(NewEntityOptions options)
    {
        var command = new StringBuilder($"dotnet new entity -n {options.Name}");
        if (options.Fields.Length > 0)
        {
            command.Append($" --fields \"{options.Fields}\"");
        }

        if (options.Parent.Length > 0)
        {
            command.Append($" --parent {options.Parent}");
        }

        if (options.OptionalParent)
        {
            command.Append(" --optional-parent");
        }

        if (options.OnDelete.Length > 0)
        {
            command.Append($" --on-delete {options.OnDelete}");
        }

        if (options.Plural.Length > 0)
        {
            command.Append($" --plural {options.Plural}");
        }

        if (options.Folder.Length > 0)
        {
            command.Append($" --folder {options.Folder}");
        }

        return command.Append(" --allow-scripts yes").ToString();
    }

    /// <summary>The three skeleton paths relative to a root folder: Entities/&lt;folder&gt;/X.cs, ...</summary>
    private sealed record EntityFilesRelative(string Name, string Folder)
    {
        private string Sub(string area, string file) => Folder.Length == 0 ? Path.Combine(area, file) : Path.Combine(area, Folder, file);

        public string Entity => Sub("Entities", Name + ".cs");

        public string Configuration => Sub("Configurations", Name + "Configuration.cs");

        public string Validator => Sub("Validators", Name + "Validator.cs");

        public IReadOnlyList<string> All => [Entity, Configuration, Validator];

        public Scaffolder.EntityFiles In(string root) =>
            new(Path.Combine(root, Entity), Path.Combine(root, Configuration), Path.Combine(root, Validator));
    }
}
