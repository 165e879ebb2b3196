using FluentValidation;

namespace Acme.Sales.Common.Validation;

/// <summary>Validator rules for value kinds FluentValidation has no rule for.</summary>
public static class ValueRuleExtensions
{
    /// <summary>An absolute <c>http</c> or <c>https</c> URL (what a browser can open); null passes, as with FluentValidation's own rules.</summary>
    public static IRuleBuilderOptions<T, string?> IsAbsoluteHttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new AbsoluteHttpUrlValidator<T>());

    /// <summary>At most <paramref name="maximum"/> bytes, the column's length; null passes.</summary>
    public static IRuleBuilderOptions<T, byte[]?> MaximumBytes<T>(this IRuleBuilder<T, byte[]?> rule, int maximum) =>
        rule.SetValidator(new MaximumBytesValidator<T>(maximum));
}
