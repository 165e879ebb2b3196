using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Tool.Tests;

/// <summary>
/// A small model project in a temp folder, shaped like a generated one (csproj with the Strata properties,
/// DbContext, BaseEntity, the Supplier/Product sample), plus the entity template's skeletons as the engine
/// writes them. Nothing is built: these tests cover the tool's own work.
/// </summary>
public sealed partial class FakeModelProject : IDisposable
{
    /// <param name="idType">The StrataIdType property (int, long or guid), or null for a project made before it existed.</param>
    public FakeModelProject(string rootNamespace = "Shop", string database = "Sqlite", string? idType = null)
    {
        RootNamespace = rootNamespace;
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata-tool-tests", Guid.NewGuid().ToString("N"), rootNamespace);
        System.IO.Directory.CreateDirectory(Directory);
        var context = rootNamespace.Replace(".", "", StringComparison.Ordinal) + "DbContext";
        DbContext = context;

        Write($"{rootNamespace}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <RootNamespace>{rootNamespace}</RootNamespace>
                <StrataDbContext>{context}</StrataDbContext>
                <StrataDatabase>{database}</StrataDatabase>{(idType is null ? "" : $"\n    <StrataIdType>{idType}</StrataIdType>")}
              </PropertyGroup>
            </Project>
            """);
        Write($"{context}.cs", $$"""
            using Microsoft.EntityFrameworkCore;

            namespace {{rootNamespace}};

            public partial class {{context}}(DbContextOptions<{{context}}> options) : DbContext(options)
            {
                public const int DefaultMaxLength = 256;
            }
            """);
        Write("Common/BaseEntity.cs", $$"""
            namespace {{rootNamespace}}.Common;

            public abstract class BaseEntity
            {
                public {{KeyType(idType)}} Id { get; private set; }
            }
            """);
        foreach (var sample in new[] { "Entities/Supplier.cs", "Entities/Product.cs", "Entities/Address.cs", "Entities/ProductStatus.cs", "Configurations/ProductConfiguration.cs", "Configurations/SupplierConfiguration.cs", "Validators/ProductValidator.cs", "DbSets/ContosoShopDbContext.Products.cs" })
        {
            var text = IdTypeConditional().Replace(File.ReadAllText(System.IO.Path.Combine(Repository.ModelProjectSource, sample)), KeyTypeLine(idType))
                .Replace("Contoso.Shop", rootNamespace, StringComparison.Ordinal)
                .Replace("ContosoShopDbContext", context, StringComparison.Ordinal);
            Write(sample.Replace("ContosoShopDbContext", context, StringComparison.Ordinal), text);
        }
    }

    public string Directory { get; }

    public string RootNamespace { get; }

    public string DbContext { get; }

    public string Path(string relative) => System.IO.Path.Combine(Directory, relative);

    public string Read(string relative) => File.ReadAllText(Path(relative));

    public void Write(string relative, string text)
    {
        var path = Path(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
    }

    /// <summary>Writes the entity template's three skeletons as the engine would (auditable, optional folder) under <paramref name="root"/>.</summary>
    public void WriteSkeletons(string name, string folder = "", string? root = null)
    {
        root ??= Directory;
        var folderPath = folder.Length == 0 ? "" : folder + "/";
        var folderNamespace = folder.Length == 0 ? "" : "." + folder.Replace('/', '.');
        foreach (var (template, target) in new[]
        {
            ("Entities/StrataFolder/StrataEntity.cs", $"Entities/{folderPath}{name}.cs"),
            ("Configurations/StrataFolder/StrataEntityConfiguration.cs", $"Configurations/{folderPath}{name}Configuration.cs"),
            ("Validators/StrataFolder/StrataEntityValidator.cs", $"Validators/{folderPath}{name}Validator.cs"),
        })
        {
            var text = File.ReadAllText(System.IO.Path.Combine(Repository.EntityTemplate, template));
            text = AuditableConditional().Replace(text, "$1");
            text = text.Replace(".StrataFolder", folderNamespace, StringComparison.Ordinal)
                .Replace("StrataEntity", name, StringComparison.Ordinal)
                .Replace("Contoso.Shop", RootNamespace, StringComparison.Ordinal);
            var path = System.IO.Path.Combine(root, target);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    /// <summary>A hash of every file (path and content) under the project folder, to prove nothing changed.</summary>
    public string Hash()
    {
        var text = new StringBuilder();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(System.IO.Path.GetRelativePath(Directory, file)).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public IReadOnlyList<string> Folders() =>
        System.IO.Directory.EnumerateDirectories(Directory, "*", SearchOption.AllDirectories).Select(d => System.IO.Path.GetRelativePath(Directory, d)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(Directory)!, recursive: true);

    [GeneratedRegex(@"#if \(auditable\)\n(.*\n)#else\n.*\n#endif\n")]
    private static partial Regex AuditableConditional();

    private static string KeyType(string? idType) => idType switch
    {
        "guid" => "Guid",
        "long" => "long",
        _ => "int",
    };

    // The sample's `#if (idType == "guid") … #elif (idType == "long") … #else … #endif` (the key type of a foreign key), as the engine resolves it.
    private static MatchEvaluator KeyTypeLine(string? idType) =>
        match => idType switch { "guid" => match.Groups[1].Value, "long" => match.Groups[2].Value, _ => match.Groups[3].Value };

    [GeneratedRegex(@"#if \(idType == ""guid""\)\n(.*\n)#elif \(idType == ""long""\)\n(.*\n)#else\n(.*\n)#endif\n")]
    private static partial Regex IdTypeConditional();
}

/// <summary>Paths in this repository.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ModelProjectSource => Path.Combine(Root, "content", "ModelProject", "src", "Contoso.Shop");

    public static string EntityTemplate => Path.Combine(Root, "content", "Entity");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Templates.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Templates.sln not found above the test binaries.");
    }
}
