using Acme.Sales.Common;
using Acme.Sales.Common.Validation;
using Acme.Sales.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Acme.Sales.Tests.Validation;

/// <summary>Bad values are refused by the validators before any SQL is sent, and nothing is lost.</summary>
public sealed class ValidationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_missing_required_value_is_refused_before_saving(string entityName)
    {
        foreach (var property in RequiredStrings(ModelCatalog.Entity(entityName)))
        {
            await AssertRefusedAsync(entityName, property.Name, value: null);
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_too_long_value_is_refused_before_saving(string entityName)
    {
        var limited = ModelCatalog.Entity(entityName).GetProperties()
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null && !p.IsKey() && !TestData.IsAuditColumn(p));
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
        foreach (var property in entityType.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var rules = ModelCatalog.CheckRules(entityType).Where(check => check.Column == property.GetColumnName()).Select(check => check.Rule);
            object? badValue = rules.FirstOrDefault(rule => rule is "NonNegative" or "Enum") switch
            {
                "NonNegative" => Convert.ChangeType(-1, type, System.Globalization.CultureInfo.InvariantCulture),
                "Enum" => Enum.ToObject(type, 999),
                _ => null,
            };

            if (badValue is not null)
            {
                await AssertRefusedAsync(entityName, property.Name, badValue);
            }
        }
    }

    [EntityTheory]
    [MemberData(nameof(Entities))]
    public async Task A_refused_save_keeps_the_changes_so_they_can_be_fixed_and_saved(string entityName)
    {
        var entityType = ModelCatalog.Entity(entityName);
        if (RequiredStrings(entityType).FirstOrDefault()?.Name is not { } propertyName)
        {
            return;
        }

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
        if (RequiredStrings(ModelCatalog.Entity(entityName)).FirstOrDefault()?.Name is not { } propertyName)
        {
            return;
        }

        using var context = database.CreateContext();
        var entity = new TestData(context).Add(ModelCatalog.Entity(entityName));
        context.Entry(entity).Property(propertyName).CurrentValue = null;

        var failures = new EntityValidator().Validate(context);

        Assert.Contains(failures, failure => failure.EntityName == entityName && failure.PropertyName == propertyName);
    }

    private static IEnumerable<IProperty> RequiredStrings(IEntityType entity) =>
        entity.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsNullable && !p.IsKey() && !TestData.IsAuditColumn(p));

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
}
