using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Common;

/// <summary>Configuration helpers for value rules that the database enforces as CHECK constraints.</summary>
public static class ModelRules
{
    internal const string NonNegativeAnnotation = "Strata:NonNegative";

    /// <summary>
    /// The column may not hold a negative value: a CHECK constraint (<c>CK_{Table}_{Column}_NonNegative</c>)
    /// is added to the table. Mirror it in the validator with <c>GreaterThanOrEqualTo(0)</c>.
    /// </summary>
    public static PropertyBuilder<TProperty> IsNonNegative<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(NonNegativeAnnotation, true);

    /// <inheritdoc cref="IsNonNegative{TProperty}(PropertyBuilder{TProperty})"/>
    public static ComplexTypePropertyBuilder<TProperty> IsNonNegative<TProperty>(this ComplexTypePropertyBuilder<TProperty> property) =>
        property.HasAnnotation(NonNegativeAnnotation, true);
}
