using Strata.Tool.Editing;
using Strata.Tool.Fields;
using Strata.Tool.Project;

namespace Strata.Tool.Generation;

/// <summary>
/// The entity's scopes, <c>Queries/[folder/]&lt;Entity&gt;Queries.cs</c>: one <c>IQueryable&lt;T&gt;</c> extension per
/// column a spec indexes, each answered through that index: <c>:uniq</c> → <c>WithSku(sku)</c>, <c>:index</c> →
/// <c>WhereStatus(status)</c>, a reference or parent → <c>ForSupplier(supplierId)</c>. The file is created with the
/// first scope and grows with later ones; a method of the same name already there (written by hand) is kept.
/// </summary>
internal sealed class QueriesFile(ModelProject project, ChangeSet changes)
{
    /// <summary>The area folder and namespace segment of the scopes, beside Entities and Configurations.</summary>
    public const string Folder = "Queries";

    /// <summary>Whether the field gets a scope: an indexed column (a reference's key is always indexed).</summary>
    public static bool HasScope(FieldSpec field) =>
        field.Type == FieldType.Reference || (field.Type != FieldType.Many && (field.IsUnique || field.IsIndexed));

    /// <summary>The scope's name: <c>WithSku</c>, <c>WhereStatus</c>, <c>ForSupplier</c>.</summary>
    public static string MethodName(FieldSpec field) =>
        field.Type == FieldType.Reference ? "For" + field.Name
        : field.IsUnique ? "With" + field.Name
        : "Where" + field.Name;

    /// <summary>Adds the scopes of <paramref name="fields"/> to the entity's queries class, creating its file if need be.</summary>
    public void AddScopes(EntityContext entity, SourceFile entityFile, IReadOnlyList<FieldSpec> fields)
    {
        var scoped = fields.Where(HasScope).ToList();
        if (scoped.Count == 0)
        {
            return;
        }

        var className = entity.Name + "Queries";
        var file = project.FindClass(className) is { IsClass: true } existing ? changes.Open(existing.File) : Create(entityFile, className, entity);
        var methods = scoped.Where(field => !file.HasMember(className, MethodName(field))).Select(field => Method(entity, field)).ToList();
        file.AddMembers(className, methods);
        file.AddUsing(entityFile.Namespace);
    }

    /// <summary>One scope with its XML documentation, in the house style of the sample's <c>ProductQueries</c>.</summary>
    internal static string Method(EntityContext entity, FieldSpec field)
    {
        var source = Names.Variable(entity.Plural) is var plural && plural != entity.Variable ? plural : "query";
        var column = field.Type == FieldType.Reference ? field.ForeignKey : field.Name;
        var parameter = Names.Variable(column);
        if (parameter == source || parameter == entity.Variable)
        {
            parameter = "value";
        }

        var type = field.Type == FieldType.Reference ? entity.KeyType : new FieldCode(field, entity).ClrType;
        var what = $"<see cref=\"{entity.Name}.{column}\"/>";
        var summary = field switch
        {
            { Type: FieldType.Reference, IsUnique: true } => $"The {Words(entity.Name)} of one {Words(field.Name)} ({what}; unique: at most one).",
            { Type: FieldType.Reference } => $"The {Words(entity.Plural)} of one {Words(field.Name)} ({what}).",
            { IsUnique: true } => $"The {Words(entity.Name)} with this {what} (unique: at most one).",
            _ => $"The {Words(entity.Plural)} whose {what} is <paramref name=\"{parameter}\"/>.",
        };
        var lambda = entity.Variable;
        return $"""
            /// <summary>{summary}</summary>
            public static IQueryable<{entity.Name}> {MethodName(field)}(this IQueryable<{entity.Name}> {source}, {type} {parameter}) =>
                {source}.Where({lambda} => {lambda}.{column} == {parameter});
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// A new file for the class, in the Queries folder that mirrors the entity's place under Entities
    /// (<c>Entities/Sales/Order.cs</c> → <c>Queries/Sales/OrderQueries.cs</c>, namespace <c>Shop.Queries.Sales</c>).
    /// </summary>
    private SourceFile Create(SourceFile entityFile, string className, EntityContext entity)
    {
        var relative = Path.GetRelativePath(project.Directory, Path.GetDirectoryName(entityFile.Path)!).Replace('\\', '/');
        var subfolder = relative.StartsWith("Entities/", StringComparison.Ordinal) ? relative["Entities/".Length..] : "";
        var path = Path.Combine(project.Directory, Folder, subfolder, className + ".cs");
        if (File.Exists(path))
        {
            throw new InputException($"{Path.GetRelativePath(project.Directory, path)} exists but declares no class {className}; declare the scopes' class there, or rename that file.");
        }

        var ns = $"{project.RootNamespace}.{Folder}{(subfolder.Length == 0 ? "" : "." + subfolder.Replace('/', '.'))}";
        return changes.Create(path, $$"""
            namespace {{ns}};

            /// <summary>Scopes for <see cref="{{entity.Name}}"/>: one per indexed column, each answered through that column's index.</summary>
            public static class {{className}}
            {
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string Words(string name) => FieldCode.Words(name);
}
