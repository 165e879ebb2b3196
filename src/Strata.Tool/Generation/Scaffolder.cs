using Strata.Tool.Editing;
using Strata.Tool.Fields;
using Strata.Tool.Project;

namespace Strata.Tool.Generation;

/// <summary>
/// Writes fields into an entity, its configuration and its validator, and the inverse collection of each
/// reference into the referenced class. Checks everything first: nothing is edited when anything is wrong.
/// </summary>
internal sealed class Scaffolder(ModelProject project, ChangeSet changes)
{
    /// <summary>The files of one entity: the class, its configuration and its validator.</summary>
    public sealed record EntityFiles(string Entity, string Configuration, string Validator)
    {
        public IReadOnlyList<string> All => [Entity, Configuration, Validator];
    }

    /// <summary>Adds <paramref name="fields"/> to the entity. <paramref name="tableName"/> adds <c>ToTable(...)</c> (the --plural override).</summary>
    public void Scaffold(EntityContext entity, EntityFiles files, IReadOnlyList<FieldSpec> fields, string? tableName = null)
    {
        var entityFile = changes.Open(files.Entity);
        var configurationFile = changes.Open(files.Configuration);
        var validatorFile = changes.Open(files.Validator);
        entityFile.Type(entity.Name);
        var configure = ConfigureBody(configurationFile, entity.Name);
        var validatorConstructor = ValidatorBody(validatorFile, entity.Name);
        var entityNamespace = entityFile.Namespace;

        // 1. Check: names free, targets exist, inverse collections free, enum types new.
        foreach (var field in fields)
        {
            if (field.Name == entity.Name)
            {
                throw new InputException($"field '{field.Token}': a property cannot have its class's name ({entity.Name}); choose another name.");
            }

            foreach (var member in field.Type == FieldType.Reference ? new[] { field.Name, field.ForeignKey } : [field.Name])
            {
                if (entityFile.HasMember(entity.Name, member) || fields.Any(other => other != field && other.Type == FieldType.Reference && other.ForeignKey == member))
                {
                    throw new InputException($"field '{field.Token}': {entity.Name} already has {member}; choose another name (or edit {entity.Name} by hand).");
                }
            }
        }

        var defaultLength = project.DefaultMaxLength();
        foreach (var field in fields.Where(field => field.Type == FieldType.String && field.MaxLength is null && field.Default?.Length > defaultLength))
        {
            throw new InputException($"field '{field.Token}': default({field.Default}) is longer than the project's default string length ({defaultLength}); shorten it or give a length, e.g. {field.Name}:string{{{field.Default!.Length}}}.");
        }

        var references = fields.Where(field => field.Type == FieldType.Reference).ToList();
        var manies = fields.Where(field => field.Type == FieldType.Many).ToList();
        foreach (var reference in references.Where(reference => reference.Target == entity.Name && reference.IsRequired))
        {
            throw new InputException($"field '{reference.Token}': a required reference from {entity.Name} to itself means no first {entity.Name} could ever be saved; make it optional: {reference.Name}:references{{{entity.Name}}}?.");
        }

        var targets = new Dictionary<FieldSpec, EntityClass>();
        foreach (var reference in references.Concat(manies))
        {
            var target = reference.Target == entity.Name
                ? new EntityClass(entity.Name, entityFile.Path, true, entityNamespace, ["BaseEntity"])
                : project.FindClass(reference.Target!);
            var what = reference.IsParent ? $"--parent {reference.Target}" : $"field '{reference.Token}'";
            if (target is null || !target.IsClass)
            {
                throw new InputException($"{what}: there is no entity class {reference.Target} in {project.Name}; add it first (dotnet new entity -n {reference.Target}) or correct the name.");
            }

            if (!project.IsEntity(target))
            {
                throw new InputException($"{what}: {reference.Target} is a class but not an entity (it does not derive from BaseEntity or AuditableEntity); name an entity of {project.Name}.");
            }

            targets[reference] = target;
        }

        var inverse = new Dictionary<FieldSpec, string?>();
        foreach (var reference in references.Concat(manies))
        {
            var targetFile = changes.Open(targets[reference].File);
            bool Taken(string member) =>
                targetFile.HasMember(reference.Target!, member)
                || inverse.Any(pair => pair.Key.Target == reference.Target && pair.Value == member)
                || (reference.Target == entity.Name && fields.Any(field => field.Name == member || (field.Type == FieldType.Reference && field.ForeignKey == member)));

            var name = InverseName(reference, references.Concat(manies).ToList(), entity);
            if (name is not null && reference.Inverse is null && Taken(name) && name == entity.Plural)
            {
                // The target already has the plain collection (another reference of this entity): name this one after the field.
                name = reference.Name + entity.Plural;
            }

            if (name is not null && Taken(name))
            {
                throw new InputException($"field '{reference.Token}': {reference.Target} already has a member {name} (the inverse navigation); rename the field, add :inverse(OtherName), or rename that member.");
            }

            inverse[reference] = name;
        }

        var isSqlServer = project.Database.Equals("SqlServer", StringComparison.OrdinalIgnoreCase);
        var joins = new List<(ManyToMany Link, string Name, string EntityPath, string ConfigurationPath)>();
        foreach (var many in manies)
        {
            var several = manies.Count(other => other.Target == many.Target) > 1;
            var joinName = ManyToMany.JoinName(many, entity.Name, several);
            var entityPath = Path.Combine(Path.GetDirectoryName(entityFile.Path)!, joinName + ".cs");
            var configurationPath = Path.Combine(Path.GetDirectoryName(configurationFile.Path)!, joinName + "Configuration.cs");
            if (joinName == entity.Name || project.FindClass(joinName) is not null || File.Exists(entityPath) || File.Exists(configurationPath) || joins.Any(join => join.Name == joinName))
            {
                throw new InputException($"field '{many.Token}': the join entity {joinName} already exists in {project.Name}; rename the field or the existing class.");
            }

            joins.Add((new ManyToMany(many, entity, inverse[many], isSqlServer), joinName, entityPath, configurationPath));
        }

        if (isSqlServer)
        {
            CheckCascadePaths(entity, references, joins.Select(join => (join.Link, join.Name)).ToList());
        }

        var enumFiles = new List<(string Path, string Text)>();
        foreach (var field in fields.Where(field => field.Type == FieldType.Enum))
        {
            var code = new FieldCode(field, entity);
            var path = Path.Combine(Path.GetDirectoryName(entityFile.Path)!, code.ClrType + ".cs");
            if (File.Exists(path) || project.FindClass(code.ClrType) is not null || enumFiles.Any(file => file.Path == path))
            {
                throw new InputException($"field '{field.Token}': the enum type {code.ClrType} already exists in {project.Name}; rename the field or use the existing type by hand.");
            }

            enumFiles.Add((path, code.EnumFile(entityNamespace)!));
        }

        // 2. Edit.
        var codes = fields.Select(field => new FieldCode(field, entity)).ToList();
        entityFile.AddProperties(entity.Name, fields.Zip(codes).Where(pair => pair.First.Type != FieldType.Many).SelectMany(pair => pair.Second.EntityMembers()).ToList());
        entityFile.AddMembers(entity.Name, fields.Zip(codes).Where(pair => pair.First.Type == FieldType.Many).SelectMany(pair => pair.Second.EntityMembers()).ToList());
        foreach (var reference in references.Concat(manies))
        {
            entityFile.AddUsing(targets[reference].Namespace);
            var targetFile = changes.Open(targets[reference].File);
            if (inverse[reference] is not { } navigation)
            {
                continue;
            }

            if (reference.IsOneToOne)
            {
                targetFile.AddProperties(reference.Target!, [$"public {entity.Name}? {navigation} {{ get; set; }}"]);
            }
            else
            {
                targetFile.AddMembers(reference.Target!, [$"public ICollection<{entity.Name}> {navigation} {{ get; }} = [];"]);
            }

            targetFile.AddUsing(entityNamespace);
        }

        foreach (var (link, joinName, entityPath, configurationPath) in joins)
        {
            var joinEntity = changes.Create(entityPath, link.EntityFile(entityNamespace, joinName));
            joinEntity.AddUsing(targets[link.Field].Namespace);
            joinEntity.AddUsing(project.RootNamespace + ".Common");
            var configurationNamespace = configurationFile.Namespace;
            List<string> usings = ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Metadata.Builders", entityNamespace];
            var configuration = changes.Create(configurationPath, link.ConfigurationFile(configurationNamespace, usings.Where(u => u.Length > 0 && u != configurationNamespace).Distinct().Order(Comparer<string>.Create(SourceFile.CompareUsings)), joinName));
            configuration.AddUsing(entityNamespace);
        }

        var groups = new List<string>();
        if (tableName is not null)
        {
            groups.Add($"builder.ToTable(\"{tableName}\");");
        }

        groups.AddRange(codes.SelectMany(code => code.ConfigurationLines()));
        groups.AddRange(fields.Zip(codes).Where(pair => pair.First.Type == FieldType.Reference).Select(pair => pair.Second.RelationshipBlock(inverse[pair.First]!)!));
        groups.AddRange(joins.Select(join => join.Link.RelationshipBlock(join.Name)));
        configurationFile.AddStatements(configure(), groups);
        if (codes.Any(code => code.UsesModelRules))
        {
            configurationFile.AddUsing(project.RootNamespace + ".Common");
        }

        if (references.Count + manies.Count > 0)
        {
            configurationFile.AddUsing("Microsoft.EntityFrameworkCore");
        }

        validatorFile.AddStatements(validatorConstructor(), codes.Select(code => code.ValidatorRule()).OfType<string>().ToList());
        if (codes.Any(code => code.UsesValidationRules))
        {
            validatorFile.AddUsing(project.RootNamespace + ".Common.Validation");
        }

        foreach (var (path, text) in enumFiles)
        {
            changes.Create(path, text);
        }

        new QueriesFile(project, changes).AddScopes(entity, entityFile, fields);
    }

    /// <summary>
    /// The navigation a reference or many-to-many adds to its target, unless <c>:inverse(Name)</c> names it:
    /// <list type="bullet">
    /// <item>a reference: the entity's plural (<c>Products</c>), or with the field's name in front (<c>BuyerOrders</c>)
    /// when the entity refers to the same target more than once;</item>
    /// <item>a one-to-one (<c>:uniq</c>): the entity's name (<c>Passport</c>), field first when there are several;</item>
    /// <item>a self-reference: <c>Parent</c> → <c>Children</c>, <c>Manager</c> → <c>Reports</c> (as EF Core's documentation
    /// names them), any other field its name before the plural (<c>Mentor</c> → <c>MentorEmployees</c>);</item>
    /// <item>a many-to-many: the entity's plural on the target (<c>Track.Playlists</c>); none for a self many-to-many.</item>
    /// </list>
    /// </summary>
    internal static string? InverseName(FieldSpec reference, IReadOnlyList<FieldSpec> references, EntityContext entity)
    {
        if (reference.Inverse is not null)
        {
            return reference.Inverse;
        }

        var isSelf = reference.Target == entity.Name;
        var sameTarget = references.Count(other => other.Target == reference.Target && other.Type == reference.Type);
        if (reference.Type == FieldType.Many)
        {
            return isSelf ? null : sameTarget == 1 ? entity.Plural : reference.Name + entity.Plural;
        }

        if (reference.IsOneToOne)
        {
            return sameTarget == 1 && !isSelf ? entity.Name : reference.Name + entity.Name;
        }

        if (isSelf)
        {
            return reference.Name switch
            {
                "Parent" => "Children",
                "Manager" => "Reports",
                _ => reference.Name + entity.Plural,
            };
        }

        return sameTarget == 1 || reference.Name == reference.Target ? entity.Plural : reference.Name + entity.Plural;
    }

    /// <summary>
    /// SQL Server only: refuses keys that would make a cycle or a second path of cascading deletes with the project's
    /// existing ones (error 1785 when the migration runs), naming the paths and the fix.
    /// </summary>
    private void CheckCascadePaths(EntityContext entity, IReadOnlyList<FieldSpec> references, IReadOnlyList<(ManyToMany Link, string Name)> joins)
    {
        var graph = CascadeGraph.Read(project);
        foreach (var reference in references.Where(reference => reference.EffectiveOnDelete != DeleteRule.Restrict))
        {
            var fix = reference.IsParent ? "--on-delete Restrict" : RestrictToken(reference);
            graph.Add(new CascadeEdge(reference.Target!, entity.Name, $"{entity.Name}.{reference.Name}", fix));
        }

        foreach (var (link, name) in joins)
        {
            graph.Add(new CascadeEdge(entity.Name, name, $"{name}.{link.LeftNavigation}", $"{link.Field.Token} on the other entity instead"));
            if (link.RightDelete == "Cascade")
            {
                graph.Add(new CascadeEdge(link.Field.Target!, name, $"{name}.{link.RightNavigation}", $"{link.Field.Token} on the other entity instead"));
            }
        }

        if (graph.FindConflict() is { } conflict)
        {
            var token = references.Concat(joins.Select(join => join.Link.Field)).FirstOrDefault(field => conflict.Contains(RestrictToken(field), StringComparison.Ordinal) || conflict.Contains(field.Token, StringComparison.Ordinal));
            throw new InputException(token is null ? conflict : $"field '{token.Token}': {conflict}");
        }
    }

    /// <summary>The token with its delete rule replaced by <c>:restrict</c>: <c>B:references:cascade</c> → <c>B:references:restrict</c>.</summary>
    private static string RestrictToken(FieldSpec field)
    {
        var parts = field.Token.Split(':').Where(part => !part.TrimEnd('?', '!').Equals("cascade", StringComparison.OrdinalIgnoreCase) && !part.TrimEnd('?', '!').Equals("setnull", StringComparison.OrdinalIgnoreCase));
        return string.Join(':', parts) + ":restrict";
    }

    private static Func<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax> ConfigureBody(SourceFile file, string entity)
    {
        var type = file.Type(entity + "Configuration");
        if (!type.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Configure" && m.Body is not null))
        {
            throw new InputException($"{file.Path}: {entity}Configuration has no Configure method with a body; restore it.");
        }

        return () => file.Type(entity + "Configuration").Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .First(m => m.Identifier.ValueText == "Configure" && m.Body is not null).Body!;
    }

    private static Func<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax> ValidatorBody(SourceFile file, string entity)
    {
        var type = file.Type(entity + "Validator");
        if (!type.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>().Any(c => c.Body is not null))
        {
            throw new InputException($"{file.Path}: {entity}Validator has no constructor with a body; add one (the rules go there).");
        }

        return () => file.Type(entity + "Validator").Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>()
            .First(c => c.Body is not null).Body!;
    }
}
