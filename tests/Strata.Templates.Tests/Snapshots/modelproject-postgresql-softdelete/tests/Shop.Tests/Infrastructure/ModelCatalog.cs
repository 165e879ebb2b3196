using System.Globalization;
using System.Text.RegularExpressions;
using Shop.Common;
using Shop.Common.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// The project's EF Core model, read once, and the entity types the generic tests cover. A new entity
/// is picked up here automatically, so it is tested without writing a new test.
/// </summary>
public static partial class ModelCatalog
{
    private static readonly Lazy<IModel> LazyModel = new(() =>
    {
        // Building the model needs the provider but not a connection: nothing is opened here. The
        // design-time model (unlike the runtime one) remembers which settings were configured explicitly.
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        return context.GetService<IDesignTimeModel>().Model;
    });

    public static IModel Model => LazyModel.Value;

    /// <summary>Every concrete entity of the model (owned types and join tables excluded).</summary>
    public static IEnumerable<IEntityType> Entities =>
        Model.GetEntityTypes()
            .Where(type => !type.IsOwned() && !type.HasSharedClrType && !type.ClrType.IsAbstract && type.ClrType.IsAssignableTo(typeof(BaseEntity)))
            .OrderBy(type => type.ClrType.Name);

    /// <summary>The entity names as xunit theory data.</summary>
    public static TheoryData<string> EntityNames => Data(Entities.Select(type => type.ClrType.Name));

    public static IEntityType Entity(string name) =>
        Entities.SingleOrDefault(type => type.ClrType.Name == name)
        ?? throw new ArgumentException($"No entity named '{name}' in the model.", nameof(name));

    /// <summary>Turns values into xunit theory data.</summary>
    public static TheoryData<string> Data(IEnumerable<string> values)
    {
        var data = new TheoryData<string>();
        foreach (var value in values)
        {
            data.Add(value);
        }

        return data;
    }

    /// <summary>The entity's mapped properties, value-object members included (e.g. Address.City).</summary>
    public static IEnumerable<IProperty> Columns(IEntityType entity) =>
        entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(complex => complex.ComplexType.GetProperties()));

    /// <summary>The rules <c>ValueRuleCheckConstraintConvention</c> turns into CHECK constraints.</summary>
    private static readonly string[] ValueRules = ["Enum", "NonNegative", "Min", "Max", "MaxLength"];

    /// <summary>
    /// The entity's CHECK constraints that come from model rules, with their column and rule: each name is
    /// matched against the one the convention gives a column and rule, so the project's naming scheme never matters.
    /// </summary>
    public static IEnumerable<CheckRule> CheckRules(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var names = entity.GetCheckConstraints().Select(check => check.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var column in Columns(entity).Select(property => property.GetColumnName(table)).OfType<string>())
        {
            foreach (var rule in ValueRules)
            {
                var name = ValueRuleCheckConstraintConvention.ConstraintName(table.Name, column, rule);
                if (names.Contains(name))
                {
                    yield return new CheckRule(name, column, rule);
                }
            }
        }
    }

    /// <summary>The column of the entity's key in its table (<c>Id</c>, or <c>id</c> with snake_case names), for raw SQL.</summary>
    public static string KeyColumn(IEntityType entity) =>
        entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!;

    /// <summary>
    /// The bound of a <c>NonNegative</c>, <c>Min</c> or <c>Max</c> rule, read from the end of its SQL
    /// (<c>"Price" &gt;= 0</c>, <c>CAST("Price" AS REAL) &lt;= 5</c>).
    /// </summary>
    public static decimal Bound(IEntityType entity, CheckRule check)
    {
        var sql = entity.FindCheckConstraint(check.Name)!.Sql;
        var match = TrailingBound().Match(sql);
        return match.Success
            ? decimal.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{check.Name}: no bound at the end of '{sql}'.");
    }

    [GeneratedRegex(@"(?:>=|<=)\s*(?<value>-?[0-9]+(?:\.[0-9]+)?)\s*$")]
    private static partial Regex TrailingBound();
}
