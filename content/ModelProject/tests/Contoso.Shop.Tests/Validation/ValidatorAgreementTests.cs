using Contoso.Shop.Common;
using Contoso.Shop.Common.Validation;
using Contoso.Shop.Tests.Infrastructure;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Contoso.Shop.Tests.Validation;

/// <summary>
/// The validators and the database schema must state the same rules, so that a value the model
/// accepts is never refused by the database (and the database still holds when the model is bypassed).
/// Uniqueness is the exception: only the database can check it, so it has no validator rule;
/// <c>ConstraintTests</c> covers every unique index instead.
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
            Validators.For(ModelCatalog.Entity(entityName).ClrType) is not null,
            $"{entityName} has no validator: add Validators/{entityName}Validator.cs (AbstractValidator<{entityName}>).");
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Required_strings_have_a_NotEmpty_or_NotNull_rule(string entityName)
    {
        var missing = RuledProperties(ModelCatalog.Entity(entityName))
            .Where(p => p.Property.ClrType == typeof(string) && !p.Property.IsNullable)
            .Where(p => !p.Rules.Any(rule => rule is INotEmptyValidator or INotNullValidator))
            .Select(p => p.Path);

        Assert.Empty(missing);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Max_lengths_have_a_matching_length_rule(string entityName)
    {
        var missing = RuledProperties(ModelCatalog.Entity(entityName))
            .Where(p => p.Property.ClrType == typeof(string) && p.Property.GetMaxLength() is not null)
            .Where(p => !p.Rules.OfType<ILengthValidator>().Any(rule => rule.Max == p.Property.GetMaxLength()))
            .Select(p => $"{p.Path} (max {p.Property.GetMaxLength()})");

        Assert.Empty(missing);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Decimal_precision_has_a_PrecisionScale_rule(string entityName)
    {
        var missing = RuledProperties(ModelCatalog.Entity(entityName))
            .Where(p => (Nullable.GetUnderlyingType(p.Property.ClrType) ?? p.Property.ClrType) == typeof(decimal))
            .Where(p => !p.Rules.Any(rule => rule.Name.Contains("Precision", StringComparison.Ordinal)))
            .Select(p => p.Path);

        Assert.Empty(missing);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Check_constraints_have_a_matching_rule(string entityName)
    {
        var entity = ModelCatalog.Entity(entityName);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = RuledProperties(entity).ToDictionary(p => p.Property.GetColumnName(table)!);
        var missing = new List<string>();

        foreach (var (name, column, rule) in ModelCatalog.CheckRules(entity))
        {
            if (rule == "MaxLength" || !properties.TryGetValue(column, out var property))
            {
                continue;
            }

            var matched = rule switch
            {
                "NonNegative" => property.Rules.OfType<IComparisonValidator>().Any(c => Convert.ToDecimal(c.ValueToCompare, System.Globalization.CultureInfo.InvariantCulture) >= 0),
                "Enum" => property.Rules.Any(r => r.Name.StartsWith("EnumValidator", StringComparison.Ordinal)),
                _ => true,
            };

            if (!matched)
            {
                missing.Add($"{property.Path} ({name})");
            }
        }

        Assert.Empty(missing);
    }

    private sealed record RuledProperty(string Path, IProperty Property, IReadOnlyList<IPropertyValidator> Rules);

    /// <summary>Each mapped property (value-object members included) with the validator rules on it.</summary>
    private static IEnumerable<RuledProperty> RuledProperties(IEntityType entity)
    {
        var ignored = new HashSet<string>(typeof(AuditableEntity).GetProperties().Select(p => p.Name));
        var descriptor = Validators.For(entity.ClrType)?.CreateDescriptor();

        foreach (var property in entity.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey() && !ignored.Contains(p.Name)))
        {
            yield return new(property.Name, property, RulesOf(descriptor, property.Name));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            var complexDescriptor = Validators.For(complex.ComplexType.ClrType)?.CreateDescriptor();
            foreach (var property in complex.ComplexType.GetProperties())
            {
                yield return new($"{complex.Name}.{property.Name}", property, RulesOf(complexDescriptor, property.Name));
            }
        }
    }

    private static IReadOnlyList<IPropertyValidator> RulesOf(IValidatorDescriptor? descriptor, string member) =>
        descriptor?.GetValidatorsForMember(member).Select(rule => rule.Validator).ToList() ?? [];
}
