using System.Globalization;
using System.Text.RegularExpressions;
using Shop.Common;
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

    /// <summary>The entity's CHECK constraints that come from model rules, split into column and rule.</summary>
    public static IEnumerable<CheckRule> CheckRules(IEntityType entity)
    {
        var prefix = $"CK_{entity.GetTableName()}_";
        foreach (var name in entity.GetCheckConstraints().Select(check => check.Name).OfType<string>())
        {
            // The column sits between the table prefix and the last underscore: column names may hold underscores too.
            var split = name.LastIndexOf('_');
            if (name.StartsWith(prefix, StringComparison.Ordinal) && split > prefix.Length)
            {
                yield return new CheckRule(name, name[prefix.Length..split], name[(split + 1)..]);
            }
        }
    }

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
