using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Shop.Common;
using Shop.Common.Validation;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// Builds valid entities of any type from the model's metadata and the validators' rules: required and
/// length-limited strings, e-mail addresses and URLs where a validator asks for them, numbers within the
/// rules' bounds, the first enum value, value objects, and a saved parent for every required relationship.
/// Values are unique per call, so unique indexes never collide. When a validator needs a value this cannot
/// guess (a date in the future, say), set it in <see cref="TestDataCustomizations"/>.
/// </summary>
public sealed class TestData(ShopDbContext context)
{
    private static readonly EntityValidator Validators = new();
    private static readonly ConcurrentDictionary<Type, IValidatorDescriptor[]> Descriptors = new();
    private static int _sequence;

    /// <summary>
    /// Creates a valid <paramref name="entityType"/> and adds it to the context, with a new parent for every
    /// required relationship unless <paramref name="addParents"/> is false (then the foreign keys are left unset).
    /// </summary>
    public object Add(IEntityType entityType, bool addParents = true) =>
        Add(entityType, foreignKey => addParents);

    /// <summary>
    /// Like <see cref="Add(IEntityType, bool)"/>, with a new parent for every required relationship but
    /// <paramref name="missingParent"/>, whose key is left unset for the test to fill in.
    /// </summary>
    public object AddWithoutParent(IEntityType entityType, IForeignKey missingParent) =>
        Add(entityType, foreignKey => foreignKey != missingParent);

    private object Add(IEntityType entityType, Func<IForeignKey, bool> addParent)
    {
        var entity = Activator.CreateInstance(entityType.ClrType)
            ?? throw new InvalidOperationException($"{entityType.ClrType.Name} needs a public parameterless constructor for the generic tests.");

        FillProperties(entity, entityType.GetProperties().Where(IsSettable));
        foreach (var complex in entityType.GetComplexProperties())
        {
            SetClrValue(entity, complex.PropertyInfo, CreateComplex(complex.ComplexType));
        }

        foreach (var foreignKey in entityType.GetForeignKeys().Where(fk => fk.IsRequired && fk.DependentToPrincipal is not null && addParent(fk)))
        {
            var parent = Add(foreignKey.PrincipalEntityType);
            SetClrValue(entity, foreignKey.DependentToPrincipal!.PropertyInfo, parent);
        }

        TestDataCustomizations.Apply(entity);
        context.Add(entity);
        return entity;
    }

    private static object CreateComplex(IComplexType complexType)
    {
        var value = Activator.CreateInstance(complexType.ClrType)!;
        FillProperties(value, complexType.GetProperties().Where(IsSettable));
        return value;
    }

    private static void FillProperties(object target, IEnumerable<IProperty> properties)
    {
        foreach (var property in properties)
        {
            SetClrValue(target, property.PropertyInfo, ValueFor(property));
        }
    }

    private static bool IsSettable(IProperty property) =>
        property.PropertyInfo is { CanWrite: true }
        && !property.IsPrimaryKey()
        && !property.IsForeignKey()
        && !property.IsConcurrencyToken
        && property.ValueGenerated == ValueGenerated.Never
        && !IsAuditColumn(property);

    /// <summary>Whether the column belongs to the auditing interceptor (callers never set it).</summary>
    public static bool IsAuditColumn(IProperty property) =>
        property.DeclaringType.ClrType.IsAssignableTo(typeof(IAuditable))
        && typeof(AuditableEntity).GetProperty(property.Name) is not null;

    /// <summary>A valid, unique value for the property's type, within its max length.</summary>
    public static object? ValueFor(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var sequence = Interlocked.Increment(ref _sequence);

        if (type == typeof(string))
        {
            var rules = RulesOf(property);
            return rules.Any(rule => rule is IEmailValidator) ? $"t{sequence}@example.com"
                : rules.Any(rule => rule.Name == "AbsoluteHttpUrlValidator") ? $"https://example.com/t{sequence}"
                : UniqueText(sequence, property.GetMaxLength(), property.IsFixedLength() == true);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float) || (type.IsPrimitive && type != typeof(bool)))
        {
            var number = type == typeof(decimal) || type == typeof(double) || type == typeof(float) ? 1.5m : 1 + (sequence % 100);
            return Convert.ChangeType(WithinBounds(number, RulesOf(property)), type, CultureInfo.InvariantCulture);
        }

        return type switch
        {
            _ when type == typeof(bool) => true,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(DateTime) => new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(sequence),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(sequence),
            _ when type == typeof(DateOnly) => new DateOnly(2030, 1, 1).AddDays(sequence % 3650),
            _ when type == typeof(TimeOnly) => new TimeOnly(12, 0),
            _ when type == typeof(byte[]) => new byte[] { 1 },
            _ => throw new NotSupportedException(
                $"No generic test value for {property.DeclaringType.ClrType.Name}.{property.Name} ({type.Name}); set one in TestDataCustomizations."),
        };
    }

    /// <summary>Whether the entity has an ordinary column (not a key, foreign key, token or audit column) a test can change.</summary>
    public static bool HasPlainColumn(IEntityType entityType) => entityType.GetProperties().Any(IsPlainColumn);

    private static bool IsPlainColumn(IProperty property) =>
        !property.IsKey() && !property.IsForeignKey() && !property.IsConcurrencyToken && !IsAuditColumn(property);

    /// <summary>
    /// Gives one ordinary column (not a key, foreign key, token or audit column) a new valid value, through
    /// the change tracker, or (<paramref name="throughTheObject"/>) by assigning the entity's property the way
    /// application code does, which EF Core only notices when it detects changes.
    /// </summary>
    public static bool ChangeOneColumn(EntityEntry entry, bool throughTheObject = false)
    {
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (!IsPlainColumn(metadata) || (throughTheObject && metadata.PropertyInfo is not { CanWrite: true }))
            {
                continue;
            }

            // Compared as EF Core compares them (a byte[] by its contents), so the change is one EF Core saves.
            var newValue = ValueFor(metadata);
            if (metadata.GetValueComparer().Equals(newValue, property.CurrentValue))
            {
                continue;
            }

            if (throughTheObject)
            {
                metadata.PropertyInfo!.SetValue(entry.Entity, newValue);
            }
            else
            {
                property.CurrentValue = newValue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Text like "T1A" that is unique per call and fits the column (a max length of -1 means no limit).</summary>
    public static string UniqueText(int sequence, int? maxLength, bool fixedLength)
    {
        var text = $"T{sequence:X}{Guid.NewGuid():N}";
        var length = maxLength is > 0 ? maxLength.Value : 32;
        return fixedLength || text.Length > length ? text.PadRight(length, 'X')[..length] : text;
    }

    /// <summary>The rules every validator of the property's entity (or value object) puts on it.</summary>
    private static IEnumerable<IPropertyValidator> RulesOf(IProperty property) =>
        Descriptors.GetOrAdd(property.DeclaringType.ClrType, type => [.. Validators.ValidatorsFor(type).Select(validator => validator.CreateDescriptor())])
            .SelectMany(descriptor => descriptor.GetValidatorsForMember(property.Name))
            .Select(rule => rule.Validator);

    /// <summary><paramref name="number"/>, moved inside the bounds of the comparison and range rules.</summary>
    private static decimal WithinBounds(decimal number, IEnumerable<IPropertyValidator> rules)
    {
        foreach (var rule in rules)
        {
            (decimal? lower, decimal? upper) = rule switch
            {
                IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual, ValueToCompare: { } value } => (Number(value), null),
                IComparisonValidator { Comparison: Comparison.GreaterThan, ValueToCompare: { } value } => (Number(value) + 1, null),
                IComparisonValidator { Comparison: Comparison.LessThanOrEqual, ValueToCompare: { } value } => (null, Number(value)),
                IComparisonValidator { Comparison: Comparison.LessThan, ValueToCompare: { } value } => (null, Number(value) - 1),
                IBetweenValidator between => (Number(between.From), Number(between.To)),
                _ => ((decimal?)null, (decimal?)null),
            };

            number = lower is { } min && number < min ? min : upper is { } max && number > max ? max : number;
        }

        return number;
    }

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static void SetClrValue(object target, PropertyInfo? property, object? value)
    {
        if (property is null)
        {
            return;
        }

        property.SetValue(target, value);
    }
}
