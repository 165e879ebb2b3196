using System.Globalization;
using System.Text;
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
        "Migrations", "Queries", "BaseEntity", "AuditableEntity", "IAuditable", "IHasCreatedAt", "AuditableQueries",
        "PageCursor", "ModelRules", "DependencyInjection",
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

    /// <summary>
    /// <c>OrderLines</c> → <c>order_lines</c>, <c>UnitPrice</c> → <c>unit_price</c>: the rules of EFCore.NamingConventions'
    /// SnakeCaseNameRewriter (invariant culture), which names a snake_case project's columns, so the tool predicts the
    /// names its model gives. The tool does not load EF Core packages (the project's versions belong to the project).
    /// </summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + Math.Min(2, name.Length / 5));
        UnicodeCategory? previous = null;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (current == '_')
            {
                builder.Append('_');
                previous = null;
                continue;
            }

            var category = char.GetUnicodeCategory(current);
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    // A new word: after a lower-case letter, or an upper-case letter that starts a word (HTTPRequest → http_request).
                    if (previous is UnicodeCategory.SpaceSeparator or UnicodeCategory.LowercaseLetter
                        || (previous is not (null or UnicodeCategory.DecimalDigitNumber) && i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        builder.Append('_');
                    }

                    current = char.ToLowerInvariant(current);
                    break;

                case UnicodeCategory.LowercaseLetter or UnicodeCategory.DecimalDigitNumber:
                    if (previous == UnicodeCategory.SpaceSeparator)
                    {
                        builder.Append('_');
                    }

                    break;

                default:
                    // Other characters are dropped and end a word.
                    if (previous is not null)
                    {
                        previous = UnicodeCategory.SpaceSeparator;
                    }

                    continue;
            }

            builder.Append(current);
            previous = category;
        }

        return builder.ToString();
    }

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
