namespace Strata.Tool.Fields;

/// <summary>One parsed field of a field spec, e.g. <c>Price:decimal{10,2}:min(0)</c>.</summary>
internal sealed record FieldSpec
{
    /// <summary>The token as the user wrote it, for error messages.</summary>
    public required string Token { get; init; }

    /// <summary>The C# property name (PascalCase).</summary>
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>Whether the column accepts NULL (the spec ended in <c>?</c>).</summary>
    public bool IsOptional { get; init; }

    /// <summary>The length of a string or binary column; null means the type's default.</summary>
    public int? MaxLength { get; init; }

    public int Precision { get; init; } = 18;

    public int Scale { get; init; } = 2;

    /// <summary>The enum members, in the order written.</summary>
    public IReadOnlyList<string> EnumMembers { get; init; } = [];

    /// <summary>The class a reference points to (<c>Buyer:references{Customer}</c> → <c>Customer</c>).</summary>
    public string? Target { get; init; }

    /// <summary>The delete rule a reference asked for; null means the default for its kind.</summary>
    public DeleteRule? OnDelete { get; init; }

    public bool IsUnique { get; init; }

    public bool IsIndexed { get; init; }

    /// <summary>The inclusive lower bound as written (<c>min(0)</c>), or null.</summary>
    public string? Min { get; init; }

    /// <summary>The inclusive upper bound as written (<c>max(5)</c>), or null.</summary>
    public string? Max { get; init; }

    /// <summary>The default value as written (<c>default(General)</c>), or null.</summary>
    public string? Default { get; init; }

    /// <summary>Whether this reference is the entity's <c>--parent</c> (owned by) rather than a plain reference.</summary>
    public bool IsParent { get; init; }

    /// <summary>The navigation the target gets (<c>:inverse(Reports)</c>), or null for the naming rules.</summary>
    public string? Inverse { get; init; }

    public bool IsRequired => !IsOptional;

    /// <summary>A reference with <c>:uniq</c>: one-to-one, a unique index on the foreign key and a reference (not a collection) on the target.</summary>
    public bool IsOneToOne => Type == FieldType.Reference && IsUnique;

    /// <summary>The foreign-key property of a reference: <c>SupplierId</c>.</summary>
    public string ForeignKey => Name + "Id";

    /// <summary>The delete rule that applies: the one asked for, else Cascade/SetNull for a parent and Restrict for a reference.</summary>
    public DeleteRule EffectiveOnDelete => OnDelete ?? (IsParent ? (IsOptional ? DeleteRule.SetNull : DeleteRule.Cascade) : DeleteRule.Restrict);
}
