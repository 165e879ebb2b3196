namespace Strata.Tool.Fields;

/// <summary>The field types of the field-spec grammar (issue 10), after synonyms are resolved.</summary>
public enum FieldType
{
    String,
    Text,
    Int,
    Long,
    Short,
    Decimal,
    Double,
    Bool,
    DateTime,
    Date,
    Time,
    Guid,
    Binary,
    Enum,
    Email,
    Url,
    Reference,

    /// <summary>A many-to-many (<c>Tracks:many{Track}</c>): skip navigations on both sides, through a join entity.</summary>
    Many,
}
