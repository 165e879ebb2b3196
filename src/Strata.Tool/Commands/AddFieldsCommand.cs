using Contoso.Shop.Common.Conventions;
using Strata.Tool.Editing;
using Strata.Tool.Fields;
using Strata.Tool.Generation;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>
/// <c>dotnet strata add-fields Product "Weight:decimal{8,3}?"</c>: adds fields to an existing entity, its
/// configuration and its validator (every existing line kept), then the migration
/// <c>Add{Field}To{Entity}</c>. Rows already in the table survive: a new column is nullable or has a default.
/// </summary>
internal static class AddFieldsCommand
{
    public static int Run(string entityName, string specs, string? projectOption, bool skipMigration, string workingDirectory)
    {
        var project = ModelProject.Find(projectOption, Path.GetFullPath(workingDirectory));
        if (!Names.IsTypeName(entityName))
        {
            throw new InputException($"'{entityName}' is not an entity class name; pass the class, e.g. dotnet strata add-fields Product \"Weight:decimal{{8,3}}?\".");
        }

        var entityClass = project.FindClass(entityName);
        if (entityClass is null || !entityClass.IsClass)
        {
            throw new InputException($"there is no entity class {entityName} in {project.Name}; check the name, or create it with dotnet new entity -n {entityName}.");
        }

        var fields = FieldSpecParser.Parse(specs);
        if (fields.Count == 0)
        {
            throw new InputException($"no fields given; write them in quotes after the entity, e.g. dotnet strata add-fields {entityName} \"Weight:decimal{{8,3}}?\".");
        }

        foreach (var field in fields.Where(field => field.IsRequired && field.Default is null && field.Type != FieldType.Many))
        {
            var fix = field.Type == FieldType.Reference
                ? $"make it optional ({field.Name}:references?)"
                : $"give the value existing rows get with :default(value) (e.g. {field.Token}:default(...)), or make it optional with ?";
            throw new InputException($"field '{field.Token}': {entityName}'s table may already hold rows, and a required column needs a value for them; {fix}.");
        }

        var configuration = project.FindClass(entityName + "Configuration")
            ?? throw new InputException($"there is no {entityName}Configuration in {project.Name}; add-fields edits it, so restore it (an IEntityTypeConfiguration<{entityName}>).");
        var validator = project.FindClass(entityName + "Validator")
            ?? throw new InputException($"there is no {entityName}Validator in {project.Name}; add-fields edits it, so restore it (an AbstractValidator<{entityName}>).");

        var changes = new ChangeSet();
        var entityFile = changes.Open(entityClass.File);
        var variable = Names.Variable(entityName);
        var entity = new EntityContext(entityName, DbSetName(project, entityName) ?? EnglishPlural.Of(entityName), variable, project.DbContext, project.KeyType());
        new Scaffolder(project, changes).Scaffold(entity, new Scaffolder.EntityFiles(entityFile.Path, configuration.File, validator.File), fields);

        var migration = Migrations.UniqueName(project, MigrationName(entityName, fields));
        changes.Write();
        if (skipMigration)
        {
            Console.WriteLine($"Added {Describe(fields)} to {entityName} without a migration (--skip-migration). When it is ready: dotnet ef migrations add {migration}");
            return 0;
        }

        var rerun = $"dotnet strata add-fields {entityName} \"{specs}\"";
        // Existing rows get the :default value: EF Core writes AddColumn(..., defaultValue: 0 or ""), which we replace.
        // The model keeps no database default, so a later insert stores exactly what the entity holds.
        var defaults = fields.Where(field => field.Default is not null)
            .ToDictionary(field => project.DatabaseName(field.Name), field => new FieldCode(field, entity).MigrationLiteral());
        var table = TableName(project, entity);
        Migrations.Add(project, migration, changes, rerun, file =>
        {
            if (defaults.Count > 0)
            {
                Migrations.SetColumnDefaults(file, table, defaults);
            }
        });

        Console.WriteLine($"Added {Describe(fields)} to {entityName} and the migration {migration}. Apply it with: dotnet ef database update");
        return 0;
    }

    /// <summary><c>AddWeightToProduct</c>, <c>AddWeightAndBarcodeToProduct</c>, <c>AddWeightAnd2MoreToProduct</c>.</summary>
    internal static string MigrationName(string entity, IReadOnlyList<FieldSpec> fields) => fields.Count switch
    {
        1 => $"Add{fields[0].Name}To{entity}",
        2 => $"Add{fields[0].Name}And{fields[1].Name}To{entity}",
        _ => $"Add{fields[0].Name}And{fields.Count - 1}MoreTo{entity}",
    };

    private static string Describe(IReadOnlyList<FieldSpec> fields) => string.Join(", ", fields.Select(field => field.Name));

    /// <summary>The DbSet the project declares for the entity (its plural as the project spells it), if any.</summary>
    private static string? DbSetName(ModelProject project, string entity)
    {
        var folder = Path.Combine(project.Directory, "DbSets");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var path in Directory.EnumerateFiles(folder, $"{project.DbContext}.*.cs"))
        {
            var file = SourceFile.Open(path);
            var property = file.Root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax>()
                .FirstOrDefault(p => p.Type is Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax { Identifier.ValueText: "DbSet" } generic
                    && generic.TypeArgumentList.Arguments.Count == 1 && generic.TypeArgumentList.Arguments[0].ToString() == entity);
            if (property is not null)
            {
                return property.Identifier.ValueText;
            }
        }

        return null;
    }

    /// <summary>The entity's table: the ToTable(...) in its configuration, else the plural the convention gives (in snake_case where the project says so).</summary>
    private static string TableName(ModelProject project, EntityContext entity)
    {
        var configuration = project.FindClass(entity.Name + "Configuration")!;
        var toTable = SourceFile.Open(configuration.File).Root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .FirstOrDefault(call => call.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToTable" });
        return toTable?.ArgumentList.Arguments.FirstOrDefault()?.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : project.DatabaseName(EnglishPlural.Of(entity.Name));
    }
}
