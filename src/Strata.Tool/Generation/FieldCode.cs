using System.Globalization;
using Humanizer;
using Strata.Tool.Fields;

namespace Strata.Tool.Generation;

/// <summary>
/// The code one spec adds to the entity, its configuration and its validator, in the house style of the
/// sample entities (Product, Supplier): every database rule in the configuration has its mirror in the validator.
/// </summary>
internal sealed class FieldCode(FieldSpec spec, EntityContext entity)
{
    /// <summary>String length when the type fixes one (e-mail addresses: RFC 5321, URLs: what browsers accept).</summary>
    public const int EmailLength = 254;

    public const int UrlLength = 2048;

    private string V => entity.Variable;

    /// <summary>The enum type a spec <c>Status:enum{...}</c> of <c>Product</c> declares: <c>ProductStatus</c>.</summary>
    public static string EnumTypeName(string entityName, string fieldName) =>
        fieldName.StartsWith(entityName, StringComparison.Ordinal) ? fieldName : entityName + fieldName;

    public string ClrType => spec.Type switch
    {
        FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url => "string",
        FieldType.Int => "int",
        FieldType.Long => "long",
        FieldType.Short => "short",
        FieldType.Decimal => "decimal",
        FieldType.Double => "double",
        FieldType.Bool => "bool",
        FieldType.DateTime => "DateTime",
        FieldType.Date => "DateOnly",
        FieldType.Time => "TimeOnly",
        FieldType.Guid => "Guid",
        FieldType.Binary => "byte[]",
        FieldType.Enum => EnumTypeName(entity.Name, spec.Name),
        _ => spec.Target!,
    };

    private bool IsReferenceType => spec.Type is FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url or FieldType.Binary;

    /// <summary>The properties the entity gets (two for a reference: the key and the navigation).</summary>
    public IReadOnlyList<string> EntityMembers()
    {
        if (spec.Type == FieldType.Many)
        {
            return [$"public ICollection<{spec.Target}> {spec.Name} {{ get; }} = [];"];
        }

        if (spec.Type == FieldType.Reference)
        {
            var keyType = entity.KeyType + (spec.IsOptional ? "?" : "");
            return spec.IsOptional
                ? [$"public {keyType} {spec.ForeignKey} {{ get; set; }}", $"public {spec.Target}? {spec.Name} {{ get; set; }}"]
                : [$"public {keyType} {spec.ForeignKey} {{ get; set; }}", $"public {spec.Target} {spec.Name} {{ get; set; }} = null!;"];
        }

        var type = ClrType + (spec.IsOptional ? "?" : "");
        if (spec.Default is not null)
        {
            return [$"public {type} {spec.Name} {{ get; set; }} = {DefaultLiteral()};"];
        }

        var required = IsReferenceType && spec.IsRequired ? "required " : "";
        return [$"public {required}{type} {spec.Name} {{ get; set; }}"];
    }

    /// <summary>The default value as a C# expression of the property's type.</summary>
    public string DefaultLiteral()
    {
        var value = spec.Default!;
        return spec.Type switch
        {
            FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url => SymbolDisplayString(value),
            FieldType.Bool => value,
            FieldType.Enum => $"{ClrType}.{value}",
            FieldType.Decimal => NumberLiteral(value, "m"),
            FieldType.Double => value.Contains('.', StringComparison.Ordinal) ? value : value + "d",
            FieldType.Guid => $"new(\"{Guid.Parse(value)}\")",
            FieldType.Date => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var d ? $"new({d.Year}, {d.Month}, {d.Day})" : "",
            FieldType.Time => TimeOnly.Parse(value, CultureInfo.InvariantCulture) is var t ? (t.Second == 0 ? $"new({t.Hour}, {t.Minute})" : $"new({t.Hour}, {t.Minute}, {t.Second})") : "",
            FieldType.DateTime => ParseUtc(value) is var dt ? $"new({dt.Year}, {dt.Month}, {dt.Day}, {dt.Hour}, {dt.Minute}, {dt.Second}, DateTimeKind.Utc)" : "",
            _ => value,
        };
    }

    /// <summary>
    /// The default as the migration's <c>defaultValue:</c> (an object, so nothing is target-typed): the stored value,
    /// e.g. an enum's name as a string, <c>(short)3</c>, <c>10m</c>, <c>new DateOnly(2024, 1, 31)</c>. Its type is the
    /// column's provider type, as in EF Core's own <c>AddColumn&lt;T&gt;</c>: a boxed int is no decimal.
    /// </summary>
    public string MigrationLiteral()
    {
        var value = spec.Default!;
        return spec.Type switch
        {
            FieldType.Enum => SymbolDisplayString(value),
            FieldType.Decimal => value + "m",
            FieldType.Short => $"(short){value}",
            FieldType.Long => value + "L",
            FieldType.Guid or FieldType.Date or FieldType.Time or FieldType.DateTime => DefaultLiteral().Replace("new(", $"new {ClrType}(", StringComparison.Ordinal),
            _ => DefaultLiteral(),
        };
    }

    internal static DateTime ParseUtc(string value) =>
        DateTime.ParseExact(value, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string SymbolDisplayString(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A bound for a comparison: <c>0</c>, or <c>0.5m</c> for a decimal (a double literal does not convert to decimal).</summary>
    private string Bound(string value) => spec.Type switch
    {
        FieldType.Decimal => NumberLiteral(value, "m"),
        // FluentValidation infers the comparison type from the value: an int literal would not match a short property.
        FieldType.Short => $"(short){value}",
        _ => value,
    };

    private static string NumberLiteral(string value, string suffix) =>
        value.Contains('.', StringComparison.Ordinal) ? value + suffix : value;

    /// <summary>The length limit in the database: a number, -1 for none (text), or null for the project's default.</summary>
    private int? MaxLength => spec.Type switch
    {
        FieldType.String or FieldType.Binary => spec.MaxLength,
        FieldType.Text => -1,
        FieldType.Email => EmailLength,
        FieldType.Url => UrlLength,
        _ => null,
    };

    /// <summary>Single-line configuration statements for the column and its index.</summary>
    public IReadOnlyList<string> ConfigurationLines()
    {
        if (spec.Type is FieldType.Reference or FieldType.Many)
        {
            return [];
        }

        var lines = new List<string>();
        var facets = new List<string>();
        if (MaxLength is { } length)
        {
            facets.Add($".HasMaxLength({length})");
        }

        if (spec.Type == FieldType.Decimal)
        {
            facets.Add($".HasPrecision({spec.Precision}, {spec.Scale})");
        }

        if (spec.Min == "0" && spec.Max is null)
        {
            facets.Add(".IsNonNegative()");
        }
        else
        {
            if (spec.Min is not null)
            {
                facets.Add($".IsAtLeast({NumberLiteral(spec.Min, "m")})");
            }

            if (spec.Max is not null)
            {
                facets.Add($".IsAtMost({NumberLiteral(spec.Max, "m")})");
            }
        }

        if (facets.Count > 0)
        {
            // HasMaxLength(-1) is EF Core's "no limit": it overrides the project's default string length.
            var note = spec.Type == FieldType.Text ? " // No length limit." : "";
            lines.Add($"builder.Property({V} => {V}.{spec.Name}){string.Concat(facets)};{note}");
        }

        if (spec.IsUnique)
        {
            lines.Add($"builder.HasIndex({V} => {V}.{spec.Name}).IsUnique();");
        }
        else if (spec.IsIndexed)
        {
            lines.Add($"builder.HasIndex({V} => {V}.{spec.Name});");
        }

        return lines;
    }

    /// <summary>Whether the configuration uses the project's ModelRules extensions (IsNonNegative, IsAtLeast, IsAtMost).</summary>
    public bool UsesModelRules => spec.Min is not null || spec.Max is not null;

    /// <summary>
    /// The relationship block of a reference, with a comment saying what deleting the target does: a collection on
    /// the target (<c>WithMany</c>), or for a one-to-one (<c>:uniq</c>) a reference (<c>WithOne</c>).
    /// </summary>
    public string? RelationshipBlock(string inverse)
    {
        if (spec.Type != FieldType.Reference)
        {
            return null;
        }

        var target = Words(spec.Target!);
        var isSelf = spec.Target == entity.Name;
        var mine = spec.IsOneToOne ? $"its {Words(entity.Name)}" : $"its {Words(entity.Plural)}";
        var theirs = spec.IsOneToOne ? Article(Words(entity.Name)) : Words(entity.Plural);
        var comment = (spec.IsParent, spec.EffectiveOnDelete) switch
        {
            (true, DeleteRule.Cascade) when spec.IsRequired => $"Each {Words(entity.Name)} needs its {target}, so deleting the {target} deletes {mine} too.",
            (_, DeleteRule.Cascade) => $"Deleting {Article(target)} deletes {mine} too.",
            (true, DeleteRule.Restrict) => $"While {theirs} refer to their {target} it cannot be deleted: delete or move them first.",
            // SQL Server refuses CASCADE and SET NULL on a self-reference (error 1785); Restrict leaves no dangling row anywhere.
            (false, DeleteRule.Restrict) when isSelf => $"{Capitalized(Article(target))}'s {Words(spec.Name)} is another {target}: the database refuses to delete one that is still the {Words(spec.Name)} of others\n// (reassign them first); EF Core clears {spec.ForeignKey} on those it has loaded.",
            (false, DeleteRule.Restrict) => $"{Capitalized(Article(target))} is referenced, not owned: it cannot be deleted while it still has {theirs}.",
            _ => $"Deleting {Article(target)} keeps {mine} and clears their {spec.ForeignKey}.",
        };
        var targetVariable = Names.Variable(spec.Target!);
        if (targetVariable == V)
        {
            // A self-reference: the two lambdas need different names.
            targetVariable = Names.Variable(spec.Name);
        }

        if (spec.IsOneToOne)
        {
            return $"""
                // {comment}
                // One-to-one: the index on {spec.ForeignKey} is unique, so {Article(target)} has at most one {Words(entity.Name)}.
                builder.HasOne({V} => {V}.{spec.Name})
                    .WithOne({targetVariable} => {targetVariable}.{inverse})
                    .HasForeignKey<{entity.Name}>({V} => {V}.{spec.ForeignKey})
                    .OnDelete(DeleteBehavior.{spec.EffectiveOnDelete});
                """.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return $"""
            // {comment}
            builder.HasOne({V} => {V}.{spec.Name})
                .WithMany({targetVariable} => {targetVariable}.{inverse})
                .HasForeignKey({V} => {V}.{spec.ForeignKey})
                .OnDelete(DeleteBehavior.{spec.EffectiveOnDelete});
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The validator statement that mirrors the database rules, or null when there is nothing to check.</summary>
    public string? ValidatorRule()
    {
        if (spec.Type == FieldType.Many)
        {
            return null;
        }

        if (spec.Type == FieldType.Reference)
        {
            return spec.IsRequired
                ? $"RuleFor({V} => {V}.{spec.ForeignKey}).NotEmpty().When({V} => {V}.{spec.Name} is null);"
                : null;
        }

        var rules = new List<string>();
        if (spec.IsRequired && spec.Default is null)
        {
            switch (spec.Type)
            {
                case FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url or FieldType.Guid:
                    rules.Add(".NotEmpty()");
                    break;
                case FieldType.Binary:
                    rules.Add(".NotNull()");
                    break;
            }
        }
        else if (spec.IsRequired && IsReferenceType)
        {
            rules.Add(spec.Type == FieldType.Binary ? ".NotNull()" : ".NotEmpty()");
        }

        switch (spec.Type)
        {
            case FieldType.String:
                rules.Add(spec.MaxLength is { } length ? $".MaximumLength({length})" : $".MaximumLength({entity.DbContext}.DefaultMaxLength)");
                break;
            case FieldType.Email:
                rules.Add($".MaximumLength({EmailLength}).EmailAddress()");
                break;
            case FieldType.Url:
                rules.Add($".MaximumLength({UrlLength}).IsAbsoluteHttpUrl()");
                break;
            case FieldType.Binary when spec.MaxLength is { } bytes:
                rules.Add($".MaximumBytes({bytes})");
                break;
            case FieldType.Enum:
                rules.Add(".IsInEnum()");
                break;
        }

        if (spec.Min is not null && spec.Max is not null)
        {
            rules.Add($".InclusiveBetween({Bound(spec.Min)}, {Bound(spec.Max)})");
        }
        else if (spec.Min is not null)
        {
            rules.Add($".GreaterThanOrEqualTo({Bound(spec.Min)})");
        }
        else if (spec.Max is not null)
        {
            rules.Add($".LessThanOrEqualTo({Bound(spec.Max)})");
        }

        if (spec.Type == FieldType.Decimal)
        {
            rules.Add($".PrecisionScale({spec.Precision}, {spec.Scale}, ignoreTrailingZeros: true)");
        }

        return rules.Count == 0 ? null : $"RuleFor({V} => {V}.{spec.Name}){string.Concat(rules)};";
    }

    /// <summary>Whether the validator uses the project's own rules (IsAbsoluteHttpUrl, MaximumBytes).</summary>
    public bool UsesValidationRules => spec.Type == FieldType.Url || (spec.Type == FieldType.Binary && spec.MaxLength is not null);

    /// <summary>The enum type file's text, for an enum spec.</summary>
    public string? EnumFile(string ns)
    {
        if (spec.Type != FieldType.Enum)
        {
            return null;
        }

        var members = string.Concat(spec.EnumMembers.Select(member => $"    {member},\n"));
        var first = spec.EnumMembers[0];
        return $"namespace {ns};\n\n"
            + $"/// <summary>Stored as its name (<c>'{first}'</c>, …), and a CHECK constraint allows only these names.</summary>\n"
            + $"public enum {ClrType}\n{{\n{members}}}\n";
    }

    /// <summary>
    /// <c>employee</c> → <c>an employee</c>, <c>category</c> → <c>a category</c>, <c>user</c> → <c>a user</c> (by the
    /// first letter, and the common words that start with a vowel letter but not a vowel sound).
    /// </summary>
    internal static string Article(string words)
    {
        string[] soundedAsConsonant = ["uni", "use", "usu", "uti", "ure", "eu", "one", "once"];
        var vowel = "aeiou".Contains(char.ToLowerInvariant(words[0]), StringComparison.Ordinal)
            && !soundedAsConsonant.Any(start => words.StartsWith(start, StringComparison.OrdinalIgnoreCase));
        return (vowel ? "an " : "a ") + words;
    }

    internal static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary><c>OrderLine</c> → <c>order line</c>, for comments.</summary>
    public static string Words(string name) => name.Humanize(LetterCasing.LowerCase);
}
