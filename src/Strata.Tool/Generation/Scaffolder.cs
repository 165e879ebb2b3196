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
        var targets = new Dictionary<FieldSpec, EntityClass>();
        foreach (var reference in references)
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

        var inverse = new Dictionary<FieldSpec, string>();
        foreach (var reference in references)
        {
            var targetFile = changes.Open(targets[reference].File);
            bool Taken(string member) =>
                targetFile.HasMember(reference.Target!, member) || inverse.Any(pair => pair.Key.Target == reference.Target && pair.Value == member);

            var name = InverseCollectionName(reference, references, entity.Plural);
            if (Taken(name) && name == entity.Plural)
            {
                // The target already has the plain collection (another reference of this entity): name this one after the field.
                name = reference.Name + entity.Plural;
            }

            if (Taken(name))
            {
                throw new InputException($"field '{reference.Token}': {reference.Target} already has a member {name} (the inverse collection); rename the field or that member.");
            }

            inverse[reference] = name;
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
        entityFile.AddProperties(entity.Name, codes.SelectMany(code => code.EntityMembers()).ToList());
        foreach (var reference in references)
        {
            entityFile.AddUsing(targets[reference].Namespace);
            var targetFile = changes.Open(targets[reference].File);
            targetFile.AddMembers(reference.Target!, [$"public ICollection<{entity.Name}> {inverse[reference]} {{ get; }} = [];"]);
            targetFile.AddUsing(entityNamespace);
        }

        var groups = new List<string>();
        if (tableName is not null)
        {
            groups.Add($"builder.ToTable(\"{tableName}\");");
        }

        groups.AddRange(codes.SelectMany(code => code.ConfigurationLines()));
        groups.AddRange(fields.Zip(codes).Where(pair => pair.First.Type == FieldType.Reference).Select(pair => pair.Second.RelationshipBlock(inverse[pair.First])!));
        configurationFile.AddStatements(configure(), groups);
        if (codes.Any(code => code.UsesModelRules))
        {
            configurationFile.AddUsing(project.RootNamespace + ".Common");
        }

        if (references.Count > 0)
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
    }

    /// <summary>
    /// The collection on the target: the entity's plural (<c>Products</c>), or with the field's name in front
    /// (<c>BuyerOrders</c>) when the entity refers to the same target more than once.
    /// </summary>
    internal static string InverseCollectionName(FieldSpec reference, IReadOnlyList<FieldSpec> references, string plural)
    {
        var sameTarget = references.Count(other => other.Target == reference.Target);
        return sameTarget == 1 || reference.Name == reference.Target ? plural : reference.Name + plural;
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
