namespace Shop.Tests.Infrastructure;

/// <summary>
/// A CHECK constraint made from a model rule, read back from its name <c>CK_{Table}_{Column}_{Rule}</c>
/// (see <c>ValueRuleCheckConstraintConvention</c>). <see cref="Rule"/> is <c>NonNegative</c>, <c>Enum</c> or <c>MaxLength</c>.
/// </summary>
public sealed record CheckRule(string Name, string Column, string Rule);
