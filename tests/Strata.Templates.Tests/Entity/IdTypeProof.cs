using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// The entities of the <c>--id-type</c> proofs: a parent (<c>--parent</c>), a <c>references</c> field and a join table
/// (<c>:many{...}</c>), so every kind of foreign key the scaffolder writes is there. PostgreSQL's proof (uuid keys,
/// migrated and inspected) is <see cref="PostgreSqlSnakeCaseTests"/>, which also runs <c>--id-type guid</c>.
/// </summary>
public static class IdTypeProof
{
    /// <summary>The entities, in order (a parent or a reference's target first).</summary>
    public static readonly IReadOnlyList<EntityCommand> Commands =
    [
        new("Supplier", "Suppliers", "--fields", "Code:string{20}:uniq"),
        new("Order", "Orders", "--fields", "Number:string{20}:uniq Suppliers:many{Supplier}"),
        new("OrderLine", "OrderLines", "--parent", "Order", "--fields", "Quantity:int:min(1) Supplier:references"),
    ];

    /// <summary>The foreign keys, as <c>table.column</c>: the join table's two, the parent and the reference.</summary>
    public static readonly IReadOnlyList<string> ForeignKeyColumns =
        ["OrderLines.OrderId", "OrderLines.SupplierId", "OrderSuppliers.OrderId", "OrderSuppliers.SupplierId"];

    /// <summary>The tables the commands add, sorted.</summary>
    public static readonly IReadOnlyList<string> Tables = ["OrderLines", "OrderSuppliers", "Orders", "Suppliers"];

    /// <summary>Every entity of <see cref="Commands"/> passed the generated test <paramref name="test"/> (class.method).</summary>
    public static void CoversEveryEntity(GeneratedTestRun run, string test)
    {
        var missing = Commands.Select(command => command.Name)
            .Where(name => !run.Passed.Any(result => result.Name.Contains(test, StringComparison.Ordinal) && result.Name.Contains($"\"{name}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, run.Describe($"{test} did not pass for: {string.Join(", ", missing)}"));
    }
}
