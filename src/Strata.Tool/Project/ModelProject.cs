using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Tool.Fields;

namespace Strata.Tool.Project;

/// <summary>
/// A Strata model project, read cheaply: the .csproj as XML (RootNamespace, StrataDbContext,
/// StrataDatabase) and single C# files parsed on demand. No MSBuild evaluation, no compilation.
/// </summary>
internal sealed class ModelProject
{
    private readonly Dictionary<string, EntityClass?> _entities = new(StringComparer.Ordinal);
    private List<string>? _sourceFiles;

    private ModelProject(string projectFile, string rootNamespace, string dbContext, string database)
    {
        ProjectFile = projectFile;
        Directory = Path.GetDirectoryName(projectFile)!;
        RootNamespace = rootNamespace;
        DbContext = dbContext;
        Database = database;
    }

    public string ProjectFile { get; }

    public string Directory { get; }

    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    public string RootNamespace { get; }

    /// <summary>The DbContext class name (the project's StrataDbContext property).</summary>
    public string DbContext { get; }

    /// <summary>The provider: Sqlite, SqlServer or PostgreSql (the project's StrataDatabase property).</summary>
    public string Database { get; }

    /// <summary>
    /// Whether the database names are snake_case (the project's StrataNaming property is <c>snake_case</c>): then
    /// EFCore.NamingConventions names the columns and the project's convention the tables, as <see cref="DatabaseName"/> says.
    /// Projects without the property (made before --naming existed) use EF Core's own names.
    /// </summary>
    public bool SnakeCaseNaming { get; private init; }

    /// <summary>The name the project's model gives a table or column that EF Core would call <paramref name="name"/>.</summary>
    public string DatabaseName(string name) => SnakeCaseNaming ? Names.SnakeCase(name) : name;

    /// <summary>
    /// The model project named by <paramref name="project"/> (a folder or .csproj), or else the first folder
    /// from <paramref name="workingDirectory"/> upwards that holds a .csproj with a StrataDbContext property.
    /// </summary>
    public static ModelProject Find(string? project, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(project))
        {
            var path = Path.GetFullPath(project, workingDirectory);
            var file = File.Exists(path) ? path
                : System.IO.Directory.Exists(path) ? System.IO.Directory.GetFiles(path, "*.csproj").FirstOrDefault(IsModelProject)
                : null;
            if (file is null || !IsModelProject(file))
            {
                throw new InputException($"--project {project}: no Strata model project there (a .csproj with a StrataDbContext property); pass the model project's folder or .csproj.");
            }

            return Load(file);
        }

        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            var file = directory.EnumerateFiles("*.csproj").Select(info => info.FullName).FirstOrDefault(IsModelProject);
            if (file is not null)
            {
                return Load(file);
            }
        }

        throw new InputException($"no Strata model project in {workingDirectory} or above; run the command in the model project's folder (like dotnet ef) or pass --project <folder>.");
    }

    internal static bool IsModelProject(string file) =>
        file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && File.ReadAllText(file).Contains("<StrataDbContext>", StringComparison.Ordinal);

    private static ModelProject Load(string file)
    {
        var document = XDocument.Load(file);
        string? Property(string name) =>
            document.Descendants().LastOrDefault(element => element.Name.LocalName == name && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

        var rootNamespace = Property("RootNamespace") is { Length: > 0 } root ? root : Path.GetFileNameWithoutExtension(file);
        var dbContext = Property("StrataDbContext") ?? "";
        if (!Names.IsTypeName(dbContext))
        {
            throw new InputException($"{Path.GetFileName(file)}: StrataDbContext '{dbContext}' is not a class name; set it to the project's DbContext class.");
        }

        return new ModelProject(file, rootNamespace, dbContext, Property("StrataDatabase") ?? "")
        {
            SnakeCaseNaming = Property("StrataNaming") == "snake_case",
            IdType = Property("StrataIdType"),
        };
    }

    /// <summary>The project's C# files, bin, obj and Migrations left out.</summary>
    public IReadOnlyList<string> SourceFiles => _sourceFiles ??= EnumerateSources(Directory).ToList();

    private static IEnumerable<string> EnumerateSources(string directory)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in System.IO.Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj" or "Migrations" || name.StartsWith('.'))
            {
                continue;
            }

            foreach (var file in EnumerateSources(child))
            {
                yield return file;
            }
        }
    }

    /// <summary>
    /// The class <paramref name="name"/> declared in this project, or null. Looks at <c>{name}.cs</c> files first
    /// and parses a file only when its text declares a type of that name.
    /// </summary>
    public EntityClass? FindClass(string name)
    {
        if (_entities.TryGetValue(name, out var known))
        {
            return known;
        }

        var candidates = SourceFiles
            .OrderBy(file => Path.GetFileNameWithoutExtension(file) == name ? 0 : 1)
            .ThenBy(file => file, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(text, path: file);
            var type = tree.GetCompilationUnitRoot().DescendantNodes()
                .OfType<BaseTypeDeclarationSyntax>()
                .FirstOrDefault(declaration => declaration.Identifier.ValueText == name);
            if (type is not null)
            {
                var baseTypes = type.BaseList?.Types.Select(baseType => baseType.Type is GenericNameSyntax generic ? generic.Identifier.ValueText : baseType.Type.ToString().Split('.')[^1]).ToList() ?? [];
                return _entities[name] = new EntityClass(name, file, type is ClassDeclarationSyntax, NamespaceOf(type), baseTypes);
            }
        }

        return _entities[name] = null;
    }

    /// <summary>Whether the class is an entity: it derives from BaseEntity (directly, through AuditableEntity or another class of the project).</summary>
    public bool IsEntity(EntityClass type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.IsClass && seen.Add(current.Name);)
        {
            var baseClass = current.BaseTypes.FirstOrDefault();
            if (baseClass is "BaseEntity" or "AuditableEntity")
            {
                return true;
            }

            current = baseClass is null ? null : FindClass(baseClass);
        }

        return false;
    }

    /// <summary>Records a class this run creates, so a reference to it (a self-reference) resolves.</summary>
    public void Register(EntityClass entity) => _entities[entity.Name] = entity;

    /// <summary>The value of <c>DefaultMaxLength</c> in the DbContext (the length of a string column with none given).</summary>
    public int? DefaultMaxLength()
    {
        var file = Path.Combine(Directory, DbContext + ".cs");
        if (!File.Exists(file))
        {
            return null;
        }

        var constant = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot()
            .DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(variable => variable.Identifier.ValueText == "DefaultMaxLength");
        return constant?.Initializer?.Value is LiteralExpressionSyntax literal && literal.Token.Value is int length ? length : null;
    }

    /// <summary>The StrataIdType property (<c>int</c>, <c>long</c> or <c>guid</c>), or null in a project made before it existed.</summary>
    public string? IdType { get; private init; }

    /// <summary>
    /// The C# type of the entities' key and of every foreign key the tool writes: <c>int</c>, <c>long</c> or <c>Guid</c>
    /// from the StrataIdType property, the way the provider comes from StrataDatabase; in a project without the
    /// property, the type of BaseEntity.Id (<c>int</c> unless the project changed it).
    /// </summary>
    public string KeyType()
    {
        if (IdType is not null)
        {
            return IdType.ToLowerInvariant() switch
            {
                "int" => "int",
                "long" => "long",
                "guid" => "Guid",
                _ => throw new InputException($"{Path.GetFileName(ProjectFile)}: StrataIdType '{IdType}' is not a key type; set it to int, long or guid (the type of BaseEntity.Id)."),
            };
        }

        var baseEntity = FindClass("BaseEntity");
        if (baseEntity is null)
        {
            return "int";
        }

        var id = CSharpSyntaxTree.ParseText(File.ReadAllText(baseEntity.File)).GetCompilationUnitRoot()
            .DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault(property => property.Identifier.ValueText == "Id");
        return id?.Type.ToString() ?? "int";
    }

    public static string NamespaceOf(Microsoft.CodeAnalysis.SyntaxNode node) =>
        string.Join('.', node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(ns => ns.Name.ToString()));
}
