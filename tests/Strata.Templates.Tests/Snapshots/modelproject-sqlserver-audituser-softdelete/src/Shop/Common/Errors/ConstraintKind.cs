namespace Shop.Common.Errors;

/// <summary>The kinds of database constraint whose violations are translated into our exceptions.</summary>
public enum ConstraintKind
{
    Unique,
    ForeignKey,
    NotNull,
    Check,
}
