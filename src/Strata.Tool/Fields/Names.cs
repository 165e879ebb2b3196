using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Tool.Fields;

/// <summary>Naming rules shared by the field parser and the commands.</summary>
internal static class Names
{
    /// <summary>Columns every entity already has (BaseEntity, AuditableEntity): a field may not reuse them.</summary>
    public static readonly IReadOnlySet<string> ReservedFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Id", "CreatedAt", "UpdatedAt", "Version", "DeletedAt", "CreatedBy", "UpdatedBy",
    };

    /// <summary>
    /// Names an entity may not take: the project's own folders and types, and common System types that
    /// an entity would hide (the same list as the entity template's check).
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedEntityNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "Name", "Version", "CreatedAt", "UpdatedAt", "Common", "Entities", "Configurations", "Validators", "DbSets",
        "Migrations", "BaseEntity", "AuditableEntity", "IAuditable", "ModelRules", "DependencyInjection",
        "DesignTimeDbContextFactory", "DbContextOptionsBuilderExtensions", "Action", "Array", "Attribute", "Buffer",
        "Console", "Convert", "DateTime", "Delegate", "Directory", "Enum", "Environment", "Exception", "File", "Guid",
        "Index", "Lazy", "Math", "Monitor", "Nullable", "Object", "Path", "Random", "Range", "String", "Task", "Thread",
        "TimeSpan", "Timer", "Tuple", "Type", "Uri",
    };

    /// <summary>Whether <paramref name="text"/> is an ASCII C# identifier: a letter or underscore, then letters, digits or underscores.</summary>
    public static bool IsIdentifier(string text) =>
        text.Length > 0
        && (char.IsAsciiLetter(text[0]) || text[0] == '_')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && text.Any(char.IsAsciiLetter);

    /// <summary>Whether <paramref name="text"/> is a PascalCase type name as the entity template accepts it.</summary>
    public static bool IsTypeName(string text) =>
        text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary><c>unit_price</c> and <c>unitPrice</c> → <c>UnitPrice</c>.</summary>
    public static string Pascalize(string identifier)
    {
        var parts = identifier.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }

    /// <summary>The lambda variable the house style uses: <c>OrderLine</c> → <c>orderLine</c>, <c>Event</c> → <c>@event</c>.</summary>
    public static string Variable(string typeName)
    {
        var camel = char.ToLowerInvariant(typeName[0]) + typeName[1..];
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }
}
