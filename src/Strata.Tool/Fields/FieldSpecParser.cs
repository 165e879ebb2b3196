using System.Globalization;
using System.Text;

namespace Strata.Tool.Fields;

/// <summary>
/// Parses a field spec (issue 10): tokens separated by spaces or commas, each
/// <c>Name[:type[{args}][?]][:modifier]...</c>, e.g. <c>Sku:string{32}:uniq Price:decimal{10,2}:min(0) Supplier:references</c>.
/// Every problem is an <see cref="InputException"/> naming the token and the fix.
/// </summary>
internal static class FieldSpecParser
{
    public const string ValidTypes =
        "string{n}, text, int, long, short, decimal{p,s}, double, bool, datetime, date, time, guid, binary{n}, enum{A,B}, email, url, references (references{Class} when the class differs from the name), many{Class} (many-to-many)";

    public const string ValidModifiers = "uniq, index, min(n), max(n), default(value), cascade, restrict, setnull, inverse(Name)";

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = FieldType.String,
        ["text"] = FieldType.Text,
        ["int"] = FieldType.Int,
        ["integer"] = FieldType.Int,
        ["long"] = FieldType.Long,
        ["bigint"] = FieldType.Long,
        ["short"] = FieldType.Short,
        ["decimal"] = FieldType.Decimal,
        ["double"] = FieldType.Double,
        ["float"] = FieldType.Double,
        ["bool"] = FieldType.Bool,
        ["boolean"] = FieldType.Bool,
        ["datetime"] = FieldType.DateTime,
        ["date"] = FieldType.Date,
        ["time"] = FieldType.Time,
        ["guid"] = FieldType.Guid,
        ["uuid"] = FieldType.Guid,
        ["binary"] = FieldType.Binary,
        ["bytes"] = FieldType.Binary,
        ["enum"] = FieldType.Enum,
        ["email"] = FieldType.Email,
        ["url"] = FieldType.Url,
        ["references"] = FieldType.Reference,
        ["belongs_to"] = FieldType.Reference,
        ["many"] = FieldType.Many,
    };

    private static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "uniq", "unique", "index", "min", "max", "default", "cascade", "restrict", "setnull", "inverse",
    };

    /// <summary>Parses every field of <paramref name="specs"/>; an empty spec gives no fields.</summary>
    public static IReadOnlyList<FieldSpec> Parse(string? specs)
    {
        var fields = new List<FieldSpec>();
        foreach (var token in Tokenize(specs ?? ""))
        {
            var field = ParseField(token);
            if (fields.FirstOrDefault(other => string.Equals(other.Name, field.Name, StringComparison.OrdinalIgnoreCase)) is { } first)
            {
                throw new InputException($"field '{token}': {field.Name} is already defined by '{first.Token}'; remove one of them.");
            }

            fields.Add(field);
        }

        return fields;
    }

    /// <summary>Splits on spaces and commas outside braces and parentheses: <c>{10,2}</c> stays one piece.</summary>
    internal static IEnumerable<string> Tokenize(string specs)
    {
        var token = new StringBuilder();
        var depth = 0;
        char? open = null;
        foreach (var c in specs)
        {
            if (depth == 0 && (char.IsWhiteSpace(c) || c == ','))
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }

                continue;
            }

            if (c is '{' or '(')
            {
                if (depth > 0)
                {
                    throw new InputException($"field '{token}{c}': '{c}' inside '{open}...'; close the first one before opening another.");
                }

                depth++;
                open = c;
            }
            else if (c is '}' or ')')
            {
                if (depth == 0 || (c == '}') != (open == '{'))
                {
                    throw new InputException($"field '{token}{c}': '{c}' has no matching '{(c == '}' ? '{' : '(')}'; remove it or add the opening one.");
                }

                depth--;
            }

            token.Append(c);
        }

        if (depth > 0)
        {
            var close = open == '{' ? '}' : ')';
            throw new InputException($"field '{token}': the '{open}' is not closed; add '{close}' (e.g. Price:decimal{{18,2}} or Rating:int:max(5)).");
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    private static FieldSpec ParseField(string token)
    {
        var segments = SplitSegments(token);
        var optional = false;
        var notNull = false;

        // A trailing ? (optional) or ! (required, the default) may follow the name, the type or the last modifier.
        for (var i = 0; i < segments.Count; i++)
        {
            while (segments[i].Length > 0 && segments[i][^1] is '?' or '!')
            {
                if (segments[i][^1] == '?')
                {
                    optional = true;
                }
                else
                {
                    notNull = true;
                }

                segments[i] = segments[i][..^1];
            }
        }

        if (optional && notNull)
        {
            throw new InputException($"field '{token}': both '?' (optional) and '!' (required); keep one.");
        }

        var rawName = segments[0];
        if (rawName.Length == 0)
        {
            throw new InputException($"field '{token}': the name is missing; write Name:type, e.g. Sku:string{{32}}.");
        }

        if (!Names.IsIdentifier(rawName))
        {
            throw new InputException($"field '{token}': '{rawName}' is not a valid C# name; use letters, digits and _, starting with a letter (e.g. NineLives).");
        }

        var name = Names.Pascalize(rawName);
        if (Names.ReservedFields.Contains(name))
        {
            throw new InputException($"field '{token}': {name} is a column every entity already has (Id, CreatedAt, UpdatedAt, Version, DeletedAt, CreatedBy, UpdatedBy); choose another name.");
        }

        var field = new FieldSpec { Token = token, Name = name, Type = FieldType.String, IsOptional = optional };
        var first = 1;
        if (segments.Count > 1)
        {
            var (word, args) = SplitArgs(token, segments[1]);
            if (Types.TryGetValue(word, out var type))
            {
                field = ApplyType(field with { Type = type }, word, args);
                first = 2;
            }
            else if (!Modifiers.Contains(word))
            {
                throw new InputException($"field '{token}': unknown type '{word}'; valid types: {ValidTypes}.");
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = first; i < segments.Count; i++)
        {
            var (word, args) = SplitArgs(token, segments[i]);
            if (!Modifiers.Contains(word))
            {
                var hint = Types.ContainsKey(word) ? $" (the type goes right after the name: {name}:{word})" : "";
                throw new InputException($"field '{token}': unknown modifier '{word}'{hint}; valid modifiers: {ValidModifiers}.");
            }

            var key = word.Equals("unique", StringComparison.OrdinalIgnoreCase) ? "uniq" : word.ToLowerInvariant();
            if (!seen.Add(key))
            {
                throw new InputException($"field '{token}': ':{word}' appears twice; keep one.");
            }

            field = ApplyModifier(field, key, args);
        }

        return Check(field);
    }

    /// <summary>Splits a token on ':' outside braces and parentheses.</summary>
    private static List<string> SplitSegments(string token)
    {
        var segments = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < token.Length; i++)
        {
            switch (token[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth--;
                    break;
                case ':' when depth == 0:
                    segments.Add(token[start..i]);
                    start = i + 1;
                    break;
            }
        }

        segments.Add(token[start..]);
        if (segments.Skip(1).Any(segment => segment.Length == 0))
        {
            throw new InputException($"field '{token}': an empty ':' part; remove the extra ':'.");
        }

        return segments;
    }

    /// <summary><c>decimal{10,2}</c> → (<c>decimal</c>, <c>10,2</c>); <c>min(0)</c> → (<c>min</c>, <c>0</c>).</summary>
    private static (string Word, string? Args) SplitArgs(string token, string segment)
    {
        var open = segment.IndexOfAny(['{', '(']);
        if (open < 0)
        {
            return (segment, null);
        }

        var close = segment[open] == '{' ? '}' : ')';
        if (segment[^1] != close)
        {
            throw new InputException($"field '{token}': unexpected text after '{segment[..(segment.LastIndexOf(close) + 1)]}'; remove it.");
        }

        return (segment[..open], segment[(open + 1)..^1].Trim());
    }

    private static FieldSpec ApplyType(FieldSpec field, string word, string? args)
    {
        var token = field.Token;
        switch (field.Type)
        {
            case FieldType.String or FieldType.Binary when args is not null:
                if (!int.TryParse(args, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1)
                {
                    throw new InputException($"field '{token}': {word}{{{args}}} needs a length of at least 1, e.g. {field.Name}:{word}{{100}}.");
                }

                return field with { MaxLength = length };

            case FieldType.Decimal when args is not null:
                var parts = args.Split([',', '.', '-']);
                if (parts.Length > 2
                    || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var precision)
                    || !int.TryParse(parts.Length == 2 ? parts[1].Trim() : "0", NumberStyles.None, CultureInfo.InvariantCulture, out var scale))
                {
                    throw new InputException($"field '{token}': decimal{{{args}}} is not a precision and scale; write decimal{{10,2}} (10 digits, 2 after the point).");
                }

                if (precision is < 1 or > 38)
                {
                    throw new InputException($"field '{token}': a decimal precision of {precision} is out of range; use 1 to 38.");
                }

                if (scale > precision)
                {
                    throw new InputException($"field '{token}': the scale {scale} is larger than the precision {precision}; write decimal{{{precision},{precision}}} at most (precision first).");
                }

                return field with { Precision = precision, Scale = scale };

            case FieldType.Enum:
                if (string.IsNullOrWhiteSpace(args))
                {
                    throw new InputException($"field '{token}': an enum needs its members; write {field.Name}:enum{{Draft,Active}}.");
                }

                var members = new List<string>();
                foreach (var raw in args.Split(',').Select(member => member.Trim()))
                {
                    if (raw.Length == 0)
                    {
                        throw new InputException($"field '{token}': an empty enum member; remove the extra ','.");
                    }

                    if (!Names.IsIdentifier(raw))
                    {
                        throw new InputException($"field '{token}': enum member '{raw}' is not a valid C# name; use letters, digits and _, starting with a letter.");
                    }

                    var member = Names.Pascalize(raw);
                    if (members.Contains(member, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new InputException($"field '{token}': enum member {member} appears twice; remove one.");
                    }

                    members.Add(member);
                }

                return field with { EnumMembers = members };

            case FieldType.Reference when args is not null:
                if (!Names.IsTypeName(args))
                {
                    throw new InputException($"field '{token}': '{args}' is not an entity class name; write {field.Name}:references{{Customer}}.");
                }

                return field with { Target = args };

            case FieldType.Reference:
                return field with { Target = field.Name };

            case FieldType.Many:
                if (args is null || !Names.IsTypeName(args))
                {
                    throw new InputException($"field '{token}': many needs the entity class it links to in braces; write {field.Name}:many{{Track}}.");
                }

                return field with { Target = args };

            default:
                if (args is not null)
                {
                    throw new InputException($"field '{token}': {word} takes no {{...}}; write {field.Name}:{word}.");
                }

                return field;
        }
    }

    private static FieldSpec ApplyModifier(FieldSpec field, string modifier, string? args)
    {
        var token = field.Token;
        var takesArgs = modifier is "min" or "max" or "default" or "inverse";
        if (takesArgs && args is null)
        {
            throw new InputException($"field '{token}': :{modifier} needs a value in parentheses, e.g. :{modifier}(0).");
        }

        if (!takesArgs && args is not null)
        {
            throw new InputException($"field '{token}': :{modifier} takes no value; write :{modifier}.");
        }

        switch (modifier)
        {
            case "uniq":
                return field with { IsUnique = true };
            case "index":
                return field with { IsIndexed = true };
            case "min" or "max":
                if (!IsNumeric(field.Type))
                {
                    throw new InputException($"field '{token}': :{modifier} applies to numbers (int, long, short, decimal, double), not {field.Type.ToString().ToLowerInvariant()}; remove it.");
                }

                var bound = ParseNumber(field, args!, $":{modifier}({args})");
                return modifier == "min" ? field with { Min = bound } : field with { Max = bound };
            case "default":
                return field with { Default = args };
            case "inverse":
                if (field.Type is not (FieldType.Reference or FieldType.Many))
                {
                    throw new InputException($"field '{token}': :inverse names the navigation a reference adds to its target; it applies to references and many{{...}} only, so remove it.");
                }

                if (!Names.IsTypeName(args!))
                {
                    throw new InputException($"field '{token}': inverse({args}) is not a property name; write e.g. :inverse(Reports).");
                }

                return field with { Inverse = args };
            default:
                if (field.Type != FieldType.Reference)
                {
                    throw new InputException($"field '{token}': :{modifier} applies to references only (e.g. Supplier:references:{modifier}); remove it.");
                }

                if (field.OnDelete is not null)
                {
                    throw new InputException($"field '{token}': two delete rules; keep one of :cascade, :restrict, :setnull.");
                }

                return field with { OnDelete = Enum.Parse<DeleteRule>(modifier, ignoreCase: true) };
        }
    }

    private static FieldSpec Check(FieldSpec field)
    {
        var token = field.Token;
        if (field.IsUnique && field.IsIndexed)
        {
            throw new InputException($"field '{token}': :uniq already makes an index; remove :index.");
        }

        if (field.Min is not null && field.Max is not null && Number(field.Min) > Number(field.Max))
        {
            throw new InputException($"field '{token}': min({field.Min}) is greater than max({field.Max}); swap them.");
        }

        if (field.Type == FieldType.Reference)
        {
            if (field.OnDelete == DeleteRule.SetNull && field.IsRequired)
            {
                throw new InputException($"field '{token}': :setnull needs an optional reference (a NULL to set); write {field.Name}:references?:setnull, or use :cascade or :restrict.");
            }

            // :uniq makes a one-to-one (a unique index on the foreign key); a plain index is there already.
            if (field.IsIndexed)
            {
                throw new InputException($"field '{token}': the foreign key {field.ForeignKey} gets its index already; remove :index (or write :uniq for a one-to-one).");
            }

            if (field.Default is not null)
            {
                throw new InputException($"field '{token}': a reference takes no default; make it optional ({field.Name}:references?) instead.");
            }

            if (field.Name.EndsWith("Id", StringComparison.Ordinal) && field.Name.Length > 2)
            {
                throw new InputException($"field '{token}': name the navigation, not the key: {field.Name[..^2]}:references adds {field.Name}.");
            }
        }

        if (field.Type == FieldType.Many)
        {
            if (field.IsOptional || field.IsUnique || field.IsIndexed || field.Default is not null || field.OnDelete is not null || field.Min is not null || field.Max is not null)
            {
                throw new InputException($"field '{token}': a many-to-many takes no ?, index or delete rule (a link row dies with either end); write {field.Name}:many{{{field.Target}}}, optionally with :inverse(Name).");
            }
        }

        if (field.Default is not null)
        {
            CheckDefault(field);
        }

        return field;
    }

    private static void CheckDefault(FieldSpec field)
    {
        var value = field.Default!;
        var token = field.Token;
        var example = field.Type switch
        {
            FieldType.Bool => "true or false",
            FieldType.Date => "a date like 2024-01-31",
            FieldType.Time => "a time like 08:30",
            FieldType.DateTime => "a UTC time like 2024-01-31T08:30:00",
            FieldType.Guid => "a GUID",
            FieldType.Enum => "one of " + string.Join(", ", field.EnumMembers),
            FieldType.Int or FieldType.Long or FieldType.Short => "a whole number",
            FieldType.Decimal or FieldType.Double => "a number",
            _ => null,
        };

        var valid = field.Type switch
        {
            FieldType.Binary => throw new InputException($"field '{token}': a binary column takes no default; make it optional ({field.Name}:binary?) instead."),
            FieldType.Bool => value is "true" or "false",
            FieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            FieldType.Time => TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            FieldType.DateTime => DateTime.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
            FieldType.Guid => Guid.TryParse(value, out _),
            FieldType.Enum => field.EnumMembers.Contains(value, StringComparer.Ordinal),
            FieldType.Int or FieldType.Long or FieldType.Short or FieldType.Decimal or FieldType.Double => TryNumber(field, value),
            _ => true,
        };

        if (!valid)
        {
            throw new InputException($"field '{token}': default({value}) is not {example}; correct the value.");
        }

        var maxLength = field.Type switch
        {
            FieldType.String => field.MaxLength,
            FieldType.Email => 254,
            FieldType.Url => 2048,
            _ => null,
        };
        if (value.Length > maxLength)
        {
            throw new InputException($"field '{token}': default({value}) is longer than the column's {maxLength} characters; shorten it or raise the length.");
        }

        if (field.Type == FieldType.Email && !value.Contains('@', StringComparison.Ordinal))
        {
            throw new InputException($"field '{token}': default({value}) is not an e-mail address; correct the value.");
        }

        if (field.Type == FieldType.Url
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new InputException($"field '{token}': default({value}) is not an absolute http or https URL; correct the value.");
        }

        if (IsNumeric(field.Type)
            && ((field.Min is not null && Number(value) < Number(field.Min)) || (field.Max is not null && Number(value) > Number(field.Max))))
        {
            throw new InputException($"field '{token}': default({value}) is outside min/max; choose a value the rules allow.");
        }
    }

    public static bool IsNumeric(FieldType type) =>
        type is FieldType.Int or FieldType.Long or FieldType.Short or FieldType.Decimal or FieldType.Double;

    private static bool TryNumber(FieldSpec field, string text)
    {
        try
        {
            ParseNumber(field, text, text);
            return true;
        }
        catch (InputException)
        {
            return false;
        }
    }

    /// <summary>Checks a bound or default against the field's type and returns it in invariant form.</summary>
    private static string ParseNumber(FieldSpec field, string text, string what)
    {
        var token = field.Token;
        var whole = field.Type is FieldType.Int or FieldType.Long or FieldType.Short;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || (whole && number != decimal.Truncate(number)))
        {
            throw new InputException($"field '{token}': {what} is not {(whole ? "a whole number" : "a number")}; write e.g. :min(0).");
        }

        var (low, high) = field.Type switch
        {
            FieldType.Short => (short.MinValue, short.MaxValue),
            FieldType.Int => (int.MinValue, int.MaxValue),
            FieldType.Long => (long.MinValue, (decimal)long.MaxValue),
            _ => (decimal.MinValue, decimal.MaxValue),
        };
        if (number < low || number > high)
        {
            throw new InputException($"field '{token}': {what} does not fit a {field.Type.ToString().ToLowerInvariant()}; use a smaller value or a larger type.");
        }

        return number.ToString(CultureInfo.InvariantCulture);
    }

    public static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
