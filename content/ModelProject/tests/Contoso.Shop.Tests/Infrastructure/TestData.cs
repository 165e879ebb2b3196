using System.Reflection;
using Contoso.Shop.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Contoso.Shop.Tests.Infrastructure;

/// <summary>
/// Builds valid entities of any type from the model's metadata: required and length-limited strings,
/// non-negative numbers, the first enum value, value objects, and a saved parent for every required
/// relationship. Values are unique per call, so unique indexes never collide.
/// When a validator needs a value this cannot guess (an e-mail format, say), set it in
/// <see cref="TestDataCustomizations"/>.
/// </summary>
public sealed class TestData(ContosoShopDbContext context)
{
    private static int _sequence;

    /// <summary>
    /// Creates a valid <paramref name="entityType"/> and adds it to the context, with a new parent for every
    /// required relationship unless <paramref name="addParents"/> is false (then the foreign keys are left unset).
    /// </summary>
    public object Add(IEntityType entityType, bool addParents = true)
    {
        var entity = Activator.CreateInstance(entityType.ClrType)
            ?? throw new InvalidOperationException($"{entityType.ClrType.Name} needs a public parameterless constructor for the generic tests.");

        FillProperties(entity, entityType.GetProperties().Where(IsSettable));
        foreach (var complex in entityType.GetComplexProperties())
        {
            SetClrValue(entity, complex.PropertyInfo, CreateComplex(complex.ComplexType));
        }

        foreach (var foreignKey in entityType.GetForeignKeys().Where(fk => addParents && fk.IsRequired && fk.DependentToPrincipal is not null))
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
            return UniqueText(sequence, property.GetMaxLength(), property.IsFixedLength() == true);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        return type switch
        {
            _ when type == typeof(bool) => true,
            _ when type == typeof(decimal) => 1.5m,
            _ when type == typeof(double) => 1.5d,
            _ when type == typeof(float) => 1.5f,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(DateTime) => new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(sequence),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(sequence),
            _ when type == typeof(DateOnly) => new DateOnly(2030, 1, 1).AddDays(sequence % 3650),
            _ when type == typeof(TimeOnly) => new TimeOnly(12, 0),
            _ when type == typeof(byte[]) => new byte[] { 1 },
            _ when type.IsPrimitive => Convert.ChangeType(1 + (sequence % 100), type, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException(
                $"No generic test value for {property.DeclaringType.ClrType.Name}.{property.Name} ({type.Name}); set one in TestDataCustomizations."),
        };
    }

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
            if (metadata.IsKey() || metadata.IsForeignKey() || metadata.IsConcurrencyToken || IsAuditColumn(metadata)
                || (throughTheObject && metadata.PropertyInfo is not { CanWrite: true }))
            {
                continue;
            }

            var newValue = ValueFor(metadata);
            if (Equals(newValue, property.CurrentValue))
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

    /// <summary>Text like "T1A" that is unique per call and fits the column.</summary>
    public static string UniqueText(int sequence, int? maxLength, bool fixedLength)
    {
        var text = $"T{sequence:X}{Guid.NewGuid():N}";
        var length = maxLength ?? 32;
        return fixedLength || text.Length > length ? text.PadRight(length, 'X')[..length] : text;
    }

    private static void SetClrValue(object target, PropertyInfo? property, object? value)
    {
        if (property is null)
        {
            return;
        }

        property.SetValue(target, value);
    }
}
