using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shop.Common.Conventions;

/// <summary>
/// Turns value rules into CHECK constraints, so the database refuses bad data that bypasses the
/// model (raw SQL, ExecuteUpdate, another application):
/// <list type="bullet">
/// <item>an enum stored as a string may only hold one of the enum's names;</item>
/// <item>a property marked <c>IsNonNegative()</c> may not go below zero, one marked <c>IsAtLeast(n)</c> or
/// <c>IsAtMost(n)</c> not below or above its bound;</item>
/// <item>on SQLite, which ignores column lengths, a string may not exceed its max length.</item>
/// </list>
/// Constraints are named by <see cref="ConstraintName"/>: <c>CK_{Table}_{Column}_{Rule}</c>, e.g.
/// <c>CK_Products_Price_NonNegative</c>. (EF Core has a <c>CheckConstraintConvention</c> of its own, hence the longer name.)
/// </summary>
public sealed class ValueRuleCheckConstraintConvention(ISqlGenerationHelper sql, bool isSqlite) : IModelFinalizingConvention
{
    /// <summary>The name of the CHECK constraint for <paramref name="rule"/> (<c>NonNegative</c>, <c>Min</c>, <c>Max</c>, <c>Enum</c>, <c>MaxLength</c>) on a column.</summary>
    public static string ConstraintName(string table, string column, string rule) => $"CK_{table}_{column}_{rule}";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table)
            {
                continue;
            }

            var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var property in entityType.GetDeclaredProperties().Concat(ComplexTypeProperties(entityType)))
            {
                if (property.GetColumnName(storeObject) is not { } column)
                {
                    continue;
                }

                foreach (var (rule, condition) in RulesFor(property, sql.DelimitIdentifier(column)))
                {
                    entityType.Builder.HasCheckConstraint(ConstraintName(table, column, rule), condition);
                }

                property.Builder.HasNoAnnotation(ModelRules.NonNegativeAnnotation);
                property.Builder.HasNoAnnotation(ModelRules.MinimumAnnotation);
                property.Builder.HasNoAnnotation(ModelRules.MaximumAnnotation);
            }
        }
    }

    private IEnumerable<(string Rule, string Condition)> RulesFor(IConventionProperty property, string column)
    {
        var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;

        if (clrType.IsEnum && property.GetProviderClrType() == typeof(string) && !clrType.IsDefined(typeof(FlagsAttribute), false))
        {
            var names = string.Join(", ", Enum.GetNames(clrType).Select(name => $"'{name}'"));
            yield return ("Enum", $"{column} IN ({names})");
        }

        // SQLite stores decimal as TEXT, and TEXT always compares greater than a number.
        var value = isSqlite && clrType == typeof(decimal) ? $"CAST({column} AS REAL)" : column;
        if (property.FindAnnotation(ModelRules.NonNegativeAnnotation)?.Value is true)
        {
            yield return ("NonNegative", $"{value} >= 0");
        }

        if (property.FindAnnotation(ModelRules.MinimumAnnotation)?.Value is decimal minimum)
        {
            yield return ("Min", $"{value} >= {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        if (property.FindAnnotation(ModelRules.MaximumAnnotation)?.Value is decimal maximum)
        {
            yield return ("Max", $"{value} <= {maximum.ToString(CultureInfo.InvariantCulture)}");
        }

        // A max length of -1 (HasMaxLength(-1)) means no limit.
        if (isSqlite && clrType == typeof(string) && property.GetMaxLength() is int maxLength and > 0)
        {
            yield return ("MaxLength", $"length({column}) <= {maxLength}");
        }
    }

    private static IEnumerable<IConventionProperty> ComplexTypeProperties(IConventionTypeBase type) =>
        type.GetDeclaredComplexProperties().SelectMany(complex =>
            complex.ComplexType.GetDeclaredProperties().Concat(ComplexTypeProperties(complex.ComplexType)));
}
