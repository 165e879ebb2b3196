using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Common;

/// <summary>Configuration helpers for value rules that the database enforces as CHECK constraints.</summary>
public static class ModelRules
{
    internal const string NonNegativeAnnotation = "Strata:NonNegative";
    internal const string MinimumAnnotation = "Strata:Minimum";
    internal const string MaximumAnnotation = "Strata:Maximum";

    /// <summary>
#if (SnakeCaseNaming)
    /// The column may not hold a negative value: a CHECK constraint (<c>ck_{table}_{column}_non_negative</c>)
    /// is added to the table. Mirror it in the validator with <c>GreaterThanOrEqualTo(0)</c>.
#else
    /// The column may not hold a negative value: a CHECK constraint (<c>CK_{Table}_{Column}_NonNegative</c>)
    /// is added to the table. Mirror it in the validator with <c>GreaterThanOrEqualTo(0)</c>.
#endif
    /// </summary>
    public static PropertyBuilder<TProperty> IsNonNegative<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(NonNegativeAnnotation, true);

    /// <inheritdoc cref="IsNonNegative{TProperty}(PropertyBuilder{TProperty})"/>
    public static ComplexTypePropertyBuilder<TProperty> IsNonNegative<TProperty>(this ComplexTypePropertyBuilder<TProperty> property) =>
        property.HasAnnotation(NonNegativeAnnotation, true);

    /// <summary>
    /// The column may not hold a value below <paramref name="minimum"/>: a CHECK constraint
#if (SnakeCaseNaming)
    /// (<c>ck_{table}_{column}_min</c>). Mirror it in the validator with <c>GreaterThanOrEqualTo</c> or <c>InclusiveBetween</c>.
#else
    /// (<c>CK_{Table}_{Column}_Min</c>). Mirror it in the validator with <c>GreaterThanOrEqualTo</c> or <c>InclusiveBetween</c>.
#endif
    /// </summary>
    public static PropertyBuilder<TProperty> IsAtLeast<TProperty>(this PropertyBuilder<TProperty> property, decimal minimum) =>
        property.HasAnnotation(MinimumAnnotation, minimum);

    /// <summary>
    /// The column may not hold a value above <paramref name="maximum"/>: a CHECK constraint
#if (SnakeCaseNaming)
    /// (<c>ck_{table}_{column}_max</c>). Mirror it in the validator with <c>LessThanOrEqualTo</c> or <c>InclusiveBetween</c>.
#else
    /// (<c>CK_{Table}_{Column}_Max</c>). Mirror it in the validator with <c>LessThanOrEqualTo</c> or <c>InclusiveBetween</c>.
#endif
    /// </summary>
    public static PropertyBuilder<TProperty> IsAtMost<TProperty>(this PropertyBuilder<TProperty> property, decimal maximum) =>
        property.HasAnnotation(MaximumAnnotation, maximum);
}
