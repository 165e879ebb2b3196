namespace Shop.Common.Errors;

/// <summary>What a provider's error says about a refused write, as far as the provider tells.</summary>
/// <param name="Kind">Which kind of constraint refused the write.</param>
/// <param name="Table">The table, when the provider names it.</param>
/// <param name="Constraint">The constraint or index name, when the provider names it.</param>
/// <param name="Column">The column, when the provider names it.</param>
public sealed record ConstraintViolation(ConstraintKind Kind, string? Table, string? Constraint, string? Column);
