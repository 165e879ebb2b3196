using System.Globalization;
using Shop.Common;
using Shop.Common.Validation;
using Shop.Tests.Infrastructure;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Validation;

/// <summary>
/// The validators and the database schema must state the same rules, with the same bounds, so that a
/// value the model accepts is never refused by the database (and the database still holds when the
/// model is bypassed). Each rule is checked both ways: a database rule needs its validator twin, and a
/// validator bound needs its database twin. Uniqueness is the exception: only the database can check it,
/// so it has no validator rule; <c>ConstraintTests</c> covers every unique index instead.
/// </summary>
public sealed class ValidatorAgreementTests
{
    private static readonly EntityValidator Validators = new();

    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_entity_has_a_validator(string entityName)
    {
        Assert.True(
            Validators.ValidatorsFor(ModelCatalog.Entity(entityName).ClrType).Count > 0,
            $"{entityName} has no validator: add Validators/{entityName}Validator.cs (AbstractValidator<{entityName}>).");
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Required_strings_have_a_NotEmpty_or_NotNull_rule(string entityName)
    {
        var required = RuledProperties(ModelCatalog.Entity(entityName)).Where(p => p.Property.ClrType == typeof(string) && !p.Property.IsNullable).ToList();
        Skip.If(required.Count == 0, $"{entityName} has no required string column: the test does not apply.");

        Assert.Empty(required.Where(p => !p.Rules.Any(rule => rule is INotEmptyValidator or INotNullValidator)).Select(p => p.Path));
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Max_lengths_and_length_rules_agree(string entityName)
    {
        var strings = RuledProperties(ModelCatalog.Entity(entityName))
            .Where(p => p.Property.ClrType == typeof(string))
            .Where(p => p.Property.GetMaxLength() is > 0 || p.Rules.OfType<ILengthValidator>().Any(rule => rule.Max > 0))
            .ToList();
        Skip.If(strings.Count == 0, $"{entityName} has no length-limited string column: the test does not apply.");

        var disagreements = strings
            .Select(p => (p.Path, Column: p.Property.GetMaxLength(), Rules: p.Rules.OfType<ILengthValidator>().Where(rule => rule.Max > 0).Select(rule => rule.Max).ToList()))
            .Where(p => p.Column is null || p.Rules.Count == 0 || p.Rules.Any(max => max != p.Column))
            .Select(p => $"{p.Path}: column max length {p.Column?.ToString(CultureInfo.InvariantCulture) ?? "none"}, validator max length {(p.Rules.Count == 0 ? "none" : string.Join(", ", p.Rules))}");

        Assert.Empty(disagreements);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Decimal_precision_and_PrecisionScale_rules_agree(string entityName)
    {
        var decimals = RuledProperties(ModelCatalog.Entity(entityName))
            .Where(p => (Nullable.GetUnderlyingType(p.Property.ClrType) ?? p.Property.ClrType) == typeof(decimal) || p.Rules.Any(IsPrecisionScale))
            .ToList();
        Skip.If(decimals.Count == 0, $"{entityName} has no decimal column: the test does not apply.");

        var disagreements = decimals
            .Select(p => (p.Path, Column: ColumnPrecision(p.Property), Rules: p.Rules.Where(IsPrecisionScale).Select(RulePrecision).ToList()))
            .Where(p => p.Column is null || p.Rules.Count == 0 || p.Rules.Any(rule => rule != p.Column))
            .Select(p => $"{p.Path}: column {p.Column?.ToString() ?? "without precision"}, validator {(p.Rules.Count == 0 ? "without PrecisionScale" : string.Join(", ", p.Rules))}");

        Assert.Empty(disagreements);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Check_constraints_and_value_rules_agree(string entityName)
    {
        var entity = ModelCatalog.Entity(entityName);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var checks = ModelCatalog.CheckRules(entity).ToLookup(check => check.Column);
        var ruled = RuledProperties(entity)
            .Select(p => (p.Path, Checks: checks[p.Property.GetColumnName(table)!].ToList(), p.Rules))
            .Where(p => p.Checks.Any(check => check.Rule != "MaxLength") || p.Rules.Any(rule => rule is IComparisonValidator or IBetweenValidator || IsEnumRule(rule)))
            .ToList();
        Skip.If(ruled.Count == 0, $"{entityName} has no CHECK constraint from a value rule and no value rule: the test does not apply.");

        var disagreements = new List<string>();
        foreach (var (path, columnChecks, rules) in ruled)
        {
            var databaseBounds = columnChecks.Where(check => check.Rule is "NonNegative" or "Min" or "Max").Select(check => DatabaseBound(entity, check)).ToHashSet();
            var validatorBounds = rules.SelectMany(ValidatorBounds).ToHashSet();
            if (!databaseBounds.SetEquals(validatorBounds))
            {
                disagreements.Add($"{path}: database {Describe(databaseBounds)}, validator {Describe(validatorBounds)}");
            }

            if (columnChecks.Any(check => check.Rule == "Enum") != rules.Any(IsEnumRule))
            {
                disagreements.Add($"{path}: the enum CHECK constraint and the IsInEnum rule must come together");
            }
        }

        Assert.Empty(disagreements);
    }

    /// <summary>A bound on a value: <c>&gt;= 0</c>, <c>&lt;= 100</c>; an operator the database has no twin for (<c>&lt;</c>, <c>!=</c>) stays as it is.</summary>
    private sealed record Bound(string Operator, decimal? Value)
    {
        public override string ToString() => Value is null ? Operator : $"{Operator} {Value.Value.ToString(CultureInfo.InvariantCulture)}";
    }

    private sealed record RuledProperty(string Path, IProperty Property, IReadOnlyList<IPropertyValidator> Rules);

    /// <summary>The bound a NonNegative/Min/Max CHECK constraint states.</summary>
    private static Bound DatabaseBound(IEntityType entity, CheckRule check) =>
        new(check.Rule == "Max" ? "<=" : ">=", ModelCatalog.Bound(entity, check));

    private static IEnumerable<Bound> ValidatorBounds(IPropertyValidator rule)
    {
        switch (rule)
        {
            case IComparisonValidator { ValueToCompare: { } value } comparison:
                yield return new(
                    comparison.Comparison switch
                    {
                        Comparison.GreaterThanOrEqual => ">=",
                        Comparison.LessThanOrEqual => "<=",
                        Comparison.GreaterThan => ">",
                        Comparison.LessThan => "<",
                        Comparison.Equal => "==",
                        _ => "!=",
                    },
                    Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;

            case IBetweenValidator between when rule.Name.StartsWith("Inclusive", StringComparison.Ordinal):
                yield return new(">=", Convert.ToDecimal(between.From, CultureInfo.InvariantCulture));
                yield return new("<=", Convert.ToDecimal(between.To, CultureInfo.InvariantCulture));
                break;

            case IBetweenValidator between:
                yield return new(">", Convert.ToDecimal(between.From, CultureInfo.InvariantCulture));
                yield return new("<", Convert.ToDecimal(between.To, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Describe(IReadOnlySet<Bound> bounds) =>
        bounds.Count == 0 ? "no bound" : string.Join(" and ", bounds.Select(bound => bound.ToString()).Order(StringComparer.Ordinal));

    private static bool IsEnumRule(IPropertyValidator rule) => rule.Name.StartsWith("EnumValidator", StringComparison.Ordinal);

    private static bool IsPrecisionScale(IPropertyValidator rule) => rule.GetType().Name.StartsWith("PrecisionScaleValidator", StringComparison.Ordinal);

    private static (int Precision, int Scale)? ColumnPrecision(IProperty property) =>
        property.GetPrecision() is { } precision ? (precision, property.GetScale() ?? 0) : null;

    // FluentValidation has no interface for PrecisionScale; its validator exposes Precision and Scale.
    private static (int Precision, int Scale)? RulePrecision(IPropertyValidator rule) =>
        ((int)rule.GetType().GetProperty("Precision")!.GetValue(rule)!, (int)rule.GetType().GetProperty("Scale")!.GetValue(rule)!);

    /// <summary>Each mapped property (value-object members included) with the rules of every validator on it.</summary>
    private static IEnumerable<RuledProperty> RuledProperties(IEntityType entity)
    {
        var ignored = new HashSet<string>(typeof(AuditableEntity).GetProperties().Select(p => p.Name));
        var descriptors = Descriptors(entity.ClrType);

        foreach (var property in entity.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey() && !ignored.Contains(p.Name)))
        {
            yield return new(property.Name, property, RulesOf(descriptors, property.Name));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            var complexDescriptors = Descriptors(complex.ComplexType.ClrType);
            foreach (var property in complex.ComplexType.GetProperties())
            {
                yield return new($"{complex.Name}.{property.Name}", property, RulesOf(complexDescriptors, property.Name));
            }
        }
    }

    private static List<IValidatorDescriptor> Descriptors(Type type) => [.. Validators.ValidatorsFor(type).Select(validator => validator.CreateDescriptor())];

    private static IReadOnlyList<IPropertyValidator> RulesOf(IEnumerable<IValidatorDescriptor> descriptors, string member) =>
        [.. descriptors.SelectMany(descriptor => descriptor.GetValidatorsForMember(member)).Select(rule => rule.Validator)];
}
