using System.Globalization;
using Shop.Common.Validation;
using Shop.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Validation;

/// <summary>Bad values are refused by the validators before any SQL is sent, and nothing is lost.</summary>
public sealed class ValidationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_missing_required_value_is_refused_before_saving(string entityName)
    {
        var required = RequiredStrings(ModelCatalog.Entity(entityName)).ToList();
        Skip.If(required.Count == 0, $"{entityName} has no required string column: the test does not apply.");

        foreach (var property in required)
        {
            await AssertRefusedAsync(entityName, property.Name, value: null);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_too_long_value_is_refused_before_saving(string entityName)
    {
        var limited = ModelCatalog.Entity(entityName).GetProperties()
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is > 0 && !p.IsKey() && !TestData.IsAuditColumn(p))
            .ToList();
        Skip.If(limited.Count == 0, $"{entityName} has no length-limited string column: the test does not apply.");

        foreach (var property in limited)
        {
            await AssertRefusedAsync(entityName, property.Name, value: new string('x', property.GetMaxLength()!.Value + 1));
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_value_outside_a_check_constraint_is_refused_before_saving(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var badValues = new List<(IProperty Property, object BadValue)>();
        foreach (var property in entityType.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            foreach (var check in ModelCatalog.CheckRules(entityType).Where(check => check.Column == property.GetColumnName()))
            {
                object? badValue = check.Rule switch
                {
                    "NonNegative" => Convert.ChangeType(-1, type, CultureInfo.InvariantCulture),
                    "Min" => Convert.ChangeType(ModelCatalog.Bound(entityType, check) - 1, type, CultureInfo.InvariantCulture),
                    "Max" => Convert.ChangeType(ModelCatalog.Bound(entityType, check) + 1, type, CultureInfo.InvariantCulture),
                    "Enum" => Enum.ToObject(type, 999),
                    _ => null,
                };

                if (badValue is not null)
                {
                    badValues.Add((property, badValue));
                }
            }
        }

        Skip.If(badValues.Count == 0, $"{entityName} has no value-rule CHECK constraint (non-negative, min, max, enum): the test does not apply.");
        foreach (var (property, badValue) in badValues)
        {
            await AssertRefusedAsync(entityName, property.Name, badValue);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_refused_save_keeps_the_changes_so_they_can_be_fixed_and_saved(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var propertyName = RequiredStrings(entityType).FirstOrDefault()?.Name;
        Skip.If(propertyName is null, $"{entityName} has no required string column to leave empty: the test does not apply.");

        await using var context = database.CreateContext();
        var entity = new TestData(context).Add(entityType);
        context.Entry(entity).Property(propertyName).CurrentValue = null;

        await Assert.ThrowsAsync<EntityValidationException>(() => context.SaveChangesAsync());
        Assert.Equal(EntityState.Added, context.Entry(entity).State);

        context.Entry(entity).Property(propertyName).CurrentValue = TestData.ValueFor(entityType.FindProperty(propertyName)!);
        await context.SaveChangesAsync();
        Assert.Equal(EntityState.Unchanged, context.Entry(entity).State);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public void Callers_can_validate_without_saving(string entityName)
    {
        var propertyName = RequiredStrings(ModelCatalog.Entity(entityName)).FirstOrDefault()?.Name;
        Skip.If(propertyName is null, $"{entityName} has no required string column to leave empty: the test does not apply.");

        using var context = database.CreateContext();
        var entity = new TestData(context).Add(ModelCatalog.Entity(entityName));
        context.Entry(entity).Property(propertyName).CurrentValue = null;

        var failures = new EntityValidator().Validate(context);

        Assert.Contains(failures, failure => failure.EntityName == entityName && failure.PropertyName == propertyName);
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task Every_validator_of_an_entity_runs(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var rowsBefore = await database.CountRowsAsync(entityType);

        // Two more validators of the entity, beside its own (several validators of one type is a common pattern).
        await using var context = database.CreateContext(new ValidationInterceptor(ValidatorsOf(entityType, typeof(FirstExtraRule<>), typeof(SecondExtraRule<>))));
        new TestData(context).Add(entityType);

        var error = await Assert.ThrowsAsync<EntityValidationException>(() => context.SaveChangesAsync());

        Assert.Contains(error.Failures, failure => failure.EntityName == entityName && failure.PropertyName == FirstExtraRule<object>.Property);
        Assert.Contains(error.Failures, failure => failure.EntityName == entityName && failure.PropertyName == SecondExtraRule<object>.Property);
        Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task An_asynchronous_rule_runs_on_SaveChangesAsync(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var rowsBefore = await database.CountRowsAsync(entityType);
        await using var context = database.CreateContext(new ValidationInterceptor(ValidatorsOf(entityType, typeof(AsynchronousRule<>))));
        new TestData(context).Add(entityType);

        var error = await Assert.ThrowsAsync<EntityValidationException>(() => context.SaveChangesAsync());

        Assert.Contains(error.Failures, failure => failure.EntityName == entityName && failure.PropertyName == AsynchronousRule<object>.Property);
        Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task An_asynchronous_rule_on_the_synchronous_SaveChanges_says_to_call_SaveChangesAsync(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var rowsBefore = await database.CountRowsAsync(entityType);
        await using var context = database.CreateContext(new ValidationInterceptor(ValidatorsOf(entityType, typeof(AsynchronousRule<>))));
        new TestData(context).Add(entityType);

        var error = Assert.Throws<InvalidOperationException>(() => context.SaveChanges());

        Assert.Contains("SaveChangesAsync", error.Message, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
    }

    private static IEnumerable<IProperty> RequiredStrings(IEntityType entity) =>
        entity.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsNullable && !p.IsKey() && !TestData.IsAuditColumn(p));

    /// <summary>An <see cref="EntityValidator"/> over the given generic validators, closed over the entity's type.</summary>
    private static EntityValidator ValidatorsOf(IEntityType entityType, params Type[] genericValidators) =>
        new(genericValidators.Select(validator => validator.MakeGenericType(entityType.ClrType)));

    private async Task AssertRefusedAsync(string entityName, string propertyName, object? value)
    {
        var entityType = ModelCatalog.Entity(entityName);
        var rowsBefore = await database.CountRowsAsync(entityType);

        await using (var context = database.CreateContext())
        {
            var entity = new TestData(context).Add(entityType);
            context.Entry(entity).Property(propertyName).CurrentValue = value;

            var error = await Assert.ThrowsAsync<EntityValidationException>(() => context.SaveChangesAsync());

            Assert.Contains(error.Failures, failure => failure.EntityName == entityName && failure.PropertyName == propertyName);
            Assert.Contains($"{entityName}.{propertyName}", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(rowsBefore, await database.CountRowsAsync(entityType));
    }

    private sealed class FirstExtraRule<TEntity> : AbstractValidator<TEntity>
    {
        public const string Property = "FirstExtraRule";

        public FirstExtraRule() => RuleFor(entity => entity).Must(_ => false).OverridePropertyName(Property);
    }

    private sealed class SecondExtraRule<TEntity> : AbstractValidator<TEntity>
    {
        public const string Property = "SecondExtraRule";

        public SecondExtraRule() => RuleFor(entity => entity).Must(_ => false).OverridePropertyName(Property);
    }

    /// <summary>A rule like one that asks the database (<c>MustAsync</c>), which FluentValidation runs only asynchronously.</summary>
    private sealed class AsynchronousRule<TEntity> : AbstractValidator<TEntity>
    {
        public const string Property = "AsynchronousRule";

        public AsynchronousRule() => RuleFor(entity => entity)
            .MustAsync(async (_, cancellationToken) =>
            {
                await Task.Delay(1, cancellationToken);
                return false;
            })
            .OverridePropertyName(Property);
    }
}
