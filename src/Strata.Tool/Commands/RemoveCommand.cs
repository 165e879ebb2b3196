using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Tool.Editing;
using Strata.Tool.Fields;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>
/// <c>dotnet strata remove Invoice</c>: undoes <c>dotnet new entity -n Invoice</c>, like <c>rails destroy</c>. Deletes the
/// entity, its configuration, validator, DbSet, enum types and the join entities of its many-to-manys; removes the
/// navigations to it from other classes (every other line kept); then removes its migration when that is the latest
/// one and not applied, or else adds the migration <c>Remove{Entity}</c> that drops the table. Refuses while other
/// entities still refer to it.
/// </summary>
internal static class RemoveCommand
{
    public static int Run(string entityName, string? projectOption, bool skipMigration, string workingDirectory)
    {
        var project = ModelProject.Find(projectOption, Path.GetFullPath(workingDirectory));
        var plan = Plan(project, entityName);

        var migration = Migrations.UniqueName(project, "Remove" + entityName);
        if (skipMigration)
        {
            Write(project, plan);
            Console.WriteLine($"Removed {entityName}'s code without touching the migrations (--skip-migration). When it is ready: dotnet ef migrations add {migration}");
            return 0;
        }

        // The project must build as it is: the migrations are read from its assembly.
        Console.WriteLine($"Building {project.Name}...");
        if (!Migrations.Build(project))
        {
            throw new InputException($"{project.Name} does not build (see the errors above), so nothing was removed; fix the errors, then run: dotnet strata remove {entityName}");
        }

        var rerun = $"dotnet strata remove {entityName}";
        var folder = Path.Combine(project.Directory, "Migrations");
        var before = Migrations.SnapshotOf(project);
        if (LatestPendingMigration(project, entityName) is { } own)
        {
            Write(project, plan);
            Console.WriteLine($"Removing migration {own} (the latest, not applied)...");
            if (Migrations.Ef(project, "migrations", "remove", "--no-build") != 0)
            {
                Migrations.Restore(folder, before);
                plan.Undo();
                throw new CommandFailedException($"dotnet ef migrations remove failed (see above), so nothing was removed. Fix the problem, then run: {rerun}");
            }

            if (!Migrations.Build(project))
            {
                Migrations.Restore(folder, before);
                plan.Undo();
                throw new CommandFailedException($"{project.Name} does not build without {entityName} (see the errors above: code of yours still uses it), so nothing was removed. Remove those uses, then run: {rerun}");
            }

            Strata.Tool.Diagrams.ModelDiagramFile.RewriteAfterChange(project); // issue 12: docs/model.md, from the build above
            Console.WriteLine($"Removed {entityName} and its migration {own}.");
            return 0;
        }

        Write(project, plan);
        Migrations.Add(project, migration, plan, rerun);
        Console.WriteLine($"Removed {entityName} and added the migration {migration}, which drops its table. Apply it with: dotnet ef database update");
        return 0;
    }

    /// <summary>Writes the plan, then deletes the subfolders (<c>--folder Sales</c>) its deletions left empty.</summary>
    private static void Write(ModelProject project, ChangeSet plan)
    {
        plan.Write();
        string[] areas = ["Entities", "Configurations", "Validators", "DbSets"];
        var top = areas.Select(area => Path.Combine(project.Directory, area)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in plan.Deleted)
        {
            for (var directory = Path.GetDirectoryName(file.Path)!;
                directory.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !top.Contains(directory)
                    && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any();
                directory = Path.GetDirectoryName(directory)!)
            {
                Directory.Delete(directory);
            }
        }
    }

    /// <summary>Checks everything and prepares every deletion and edit in memory; nothing is written.</summary>
    internal static ChangeSet Plan(ModelProject project, string entityName)
    {
        if (!Names.IsTypeName(entityName))
        {
            throw new InputException($"'{entityName}' is not an entity class name; pass the class, e.g. dotnet strata remove Invoice.");
        }

        var entity = project.FindClass(entityName);
        if (entity is null)
        {
            throw new InputException($"there is no entity class {entityName} in {project.Name}; check the name (dotnet strata remove takes the class, e.g. Invoice).");
        }

        if (!entity.IsClass || !project.IsEntity(entity))
        {
            throw new InputException($"{entityName} is a type of {project.Name} but not an entity (it does not derive from BaseEntity or AuditableEntity); dotnet strata remove removes entities only.");
        }

        var changes = new ChangeSet();
        var configuration = project.FindClass(entityName + "Configuration");
        var ownJoins = configuration is null ? [] : JoinsConfiguredIn(SourceFile.Open(configuration.File));
        var removedTypes = new HashSet<string>(ownJoins.Prepend(entityName), StringComparer.Ordinal);
        var ownTypes = removedTypes.Concat(removedTypes.Select(type => type + "Configuration")).Append(entityName + "Validator").ToHashSet(StringComparer.Ordinal);

        // Other entities that hold a key to it (a reference, a parent, a many-to-many they declare) keep it.
        var referrers = new SortedSet<string>(StringComparer.Ordinal);
        var inverseMembers = new List<(SourceFile File, MemberDeclarationSyntax Member)>();
        var sourceFiles = project.SourceFiles.Where(file => !file.Contains($"{Path.DirectorySeparatorChar}DbSets{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        // Each file read once; the joins a file configures (UsingEntity<PlaylistProduct>) are looked up once too.
        var sources = sourceFiles.Select(SourceFile.Open).ToList();
        var joinsConfigured = sources.ToDictionary(
            source => source.Path,
            source => source.Text.Contains("UsingEntity", StringComparison.Ordinal) ? JoinsConfiguredIn(source) : [],
            StringComparer.Ordinal);
        // Another entity's join class (PlaylistProduct) is named through its many-to-many, not as a class to remove.
        var otherJoins = joinsConfigured.Values.SelectMany(joins => joins).Where(join => !ownTypes.Contains(join)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            var path = file.Path;
            if (!file.Text.Contains(entityName, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var type in file.Root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(type => !ownTypes.Contains(type.Identifier.ValueText)))
            {
                var properties = type.Members.OfType<PropertyDeclarationSyntax>().ToList();
                foreach (var property in properties)
                {
                    var (name, isCollection) = Navigation(property.Type);
                    if (name != entityName)
                    {
                        continue;
                    }

                    var holdsKey = !isCollection && properties.Any(other => other.Identifier.ValueText == property.Identifier.ValueText + "Id");
                    if (holdsKey)
                    {
                        if (!otherJoins.Contains(type.Identifier.ValueText))
                        {
                            referrers.Add($"{type.Identifier.ValueText}.{property.Identifier.ValueText}");
                        }
                    }
                    else
                    {
                        inverseMembers.Add((changes.Open(path), property));
                    }
                }

                if (type.Identifier.ValueText.EndsWith("Configuration", StringComparison.Ordinal)
                    && joinsConfigured[path].Any(join => JoinEnds(project, join).Contains(entityName)))
                {
                    referrers.Add($"{type.Identifier.ValueText[..^"Configuration".Length]} (a many-to-many)");
                }
            }
        }

        if (referrers.Count > 0)
        {
            throw new InputException($"{entityName} is still referenced by {string.Join(", ", referrers)}; remove those first (dotnet strata remove <Entity>, or delete the field by hand), then remove {entityName}.");
        }

        // The files it owns.
        changes.Delete(entity.File);
        foreach (var name in new[] { entityName + "Configuration", entityName + "Validator", entityName + "Queries" }.Concat(ownJoins.SelectMany(join => new[] { join, join + "Configuration" })))
        {
            if (project.FindClass(name) is { } owned)
            {
                changes.Delete(owned.File);
            }
        }

        foreach (var enumType in OwnEnums(project, entity, sourceFiles.Where(path => !ownTypes.Contains(Path.GetFileNameWithoutExtension(path))).ToList()))
        {
            changes.Delete(enumType);
        }

        RemoveDbSet(project, entityName, changes);

        // Navigations to it on other classes, bottom-up so the earlier positions stay valid.
        foreach (var group in inverseMembers.GroupBy(pair => pair.File))
        {
            foreach (var (file, member) in group.OrderByDescending(pair => pair.Member.SpanStart))
            {
                var current = file.Root.FindNode(member.Span).FirstAncestorOrSelf<MemberDeclarationSyntax>()!;
                file.RemoveMember(current);
            }
        }

        // A namespace that only the removed types declared: the usings the scaffolder added for it go too.
        var deleted = changes.Deleted.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        var removedNamespaces = changes.Deleted.Select(file => file.Namespace).Where(ns => ns.Length > 0).Distinct()
            .Where(ns => !project.SourceFiles.Where(path => !deleted.Contains(Path.GetFullPath(path))).Any(path => SourceFile.Open(path).Namespace == ns))
            .ToList();
        foreach (var file in changes.Files.Where(file => !deleted.Contains(file.Path)))
        {
            foreach (var ns in removedNamespaces)
            {
                file.RemoveUsing(ns);
            }
        }

        return changes;
    }

    /// <summary>The latest migration when it is the entity's own (<c>Add{Entity}</c>) and not applied to the database.</summary>
    private static string? LatestPendingMigration(ModelProject project, string entityName)
    {
        var migrations = Migrations.List(project);
        if (migrations is not { Count: > 0 })
        {
            return null;
        }

        var (id, applied) = migrations[^1];
        var name = id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        var own = name == "Add" + entityName || (name.StartsWith("Add" + entityName, StringComparison.Ordinal) && name[("Add" + entityName).Length..].All(char.IsAsciiDigit));
        return own && applied == false ? name : null;
    }

    /// <summary>The join entities a configuration maps: <c>UsingEntity&lt;PlaylistTrack&gt;(...)</c>.</summary>
    private static List<string> JoinsConfiguredIn(SourceFile configuration) =>
        configuration.Root.DescendantNodes().OfType<GenericNameSyntax>()
            .Where(name => name.Identifier.ValueText == "UsingEntity" && name.TypeArgumentList.Arguments.Count == 1)
            .Select(name => name.TypeArgumentList.Arguments[0].ToString())
            .ToList();

    /// <summary>The entity types a join class points to (its reference navigations).</summary>
    private static List<string> JoinEnds(ModelProject project, string join)
    {
        var type = project.FindClass(join);
        return type is null ? []
            : SourceFile.Open(type.File).FindType(join)?.Members.OfType<PropertyDeclarationSyntax>()
                .Select(property => Navigation(property.Type)).Where(nav => !nav.IsCollection && nav.Name is not null).Select(nav => nav.Name!).ToList() ?? [];
    }

    /// <summary><c>Invoice</c>, <c>Invoice?</c> → (Invoice, false); <c>ICollection&lt;Invoice&gt;</c> → (Invoice, true).</summary>
    private static (string? Name, bool IsCollection) Navigation(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => Navigation(nullable.ElementType),
        GenericNameSyntax generic when generic.TypeArgumentList.Arguments.Count == 1 => (generic.TypeArgumentList.Arguments[0].ToString().Split('.')[^1], true),
        IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, false),
        QualifiedNameSyntax qualified => (qualified.Right.Identifier.ValueText, false),
        _ => (null, false),
    };

    /// <summary>The enum files of the entity's properties that no file but its own uses (those <c>Status:enum{...}</c> wrote).</summary>
    private static IEnumerable<string> OwnEnums(ModelProject project, EntityClass entity, IReadOnlyList<string> sourceFiles)
    {
        var type = SourceFile.Open(entity.File).FindType(entity.Name);
        foreach (var property in type?.Members.OfType<PropertyDeclarationSyntax>() ?? [])
        {
            var (name, isCollection) = Navigation(property.Type);
            if (isCollection || name is null || project.FindClass(name) is not { IsClass: false } enumType
                || Path.GetFileNameWithoutExtension(enumType.File) != name
                || SourceFile.Open(enumType.File).Root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Count() != 1
                || SourceFile.Open(enumType.File).FindType(name) is not null)
            {
                continue;
            }

            var usedElsewhere = sourceFiles.Any(path => path != entity.File && path != enumType.File && File.ReadAllText(path).Contains(name, StringComparison.Ordinal));
            if (!usedElsewhere)
            {
                yield return enumType.File;
            }
        }
    }

    /// <summary>Deletes the DbSet file of the entity, or only its property when the file declares others.</summary>
    private static void RemoveDbSet(ModelProject project, string entityName, ChangeSet changes)
    {
        var folder = Path.Combine(project.Directory, "DbSets");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.cs"))
        {
            var file = changes.Open(path);
            var sets = file.Root.DescendantNodes().OfType<PropertyDeclarationSyntax>()
                .Where(property => property.Type is GenericNameSyntax { Identifier.ValueText: "DbSet" } generic && generic.TypeArgumentList.Arguments[0].ToString().Split('.')[^1] == entityName)
                .ToList();
            if (sets.Count == 0)
            {
                continue;
            }

            var all = file.Root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Count();
            if (all == sets.Count)
            {
                changes.Delete(path);
            }
            else
            {
                foreach (var set in sets.OrderByDescending(set => set.SpanStart))
                {
                    file.RemoveMember(file.Root.FindNode(set.Span).FirstAncestorOrSelf<PropertyDeclarationSyntax>()!);
                }
            }
        }
    }
}
