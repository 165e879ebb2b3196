namespace Shop.Tests.Infrastructure;

/// <summary>
/// A CHECK constraint made from a model rule, recognised by the name <c>ValueRuleCheckConstraintConvention.ConstraintName</c>
/// gives its column and rule. <see cref="Column"/> is the column's name in the table; <see cref="Rule"/> is
/// <c>NonNegative</c>, <c>Min</c>, <c>Max</c>, <c>Enum</c> or <c>MaxLength</c>.
/// </summary>
public sealed record CheckRule(string Name, string Column, string Rule);
