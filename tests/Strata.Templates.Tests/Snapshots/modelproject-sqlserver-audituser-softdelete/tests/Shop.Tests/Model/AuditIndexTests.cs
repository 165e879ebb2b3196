using Shop.Tests.Infrastructure;
using Shop.Tests.Model.ConventionModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Model;

/// <summary>
/// AuditIndexConvention in the model, on every provider (SQL Server included, where QueryIndexTests cannot read the
/// plans): each auditable table has the indexes of the shared scopes, <c>(CreatedAt, Id)</c> and <c>UpdatedAt</c>, once,
/// in the table that holds the columns, whatever the inheritance mapping.
/// </summary>
public sealed class AuditIndexTests
{
    private static readonly Lazy<IRelationalModel> ConventionModelTables = new(() =>
    {
        // Building the model opens no connection, so any connection string will do.
        using var context = ConventionModelDbContext.Create("Data Source=model-only");
        return context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    });

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(ModelCatalog.EntityNames), MemberType = typeof(ModelCatalog))]
    public void Every_auditable_entity_has_the_indexes_of_the_shared_scopes(string entity)
    {
        var entityType = ModelCatalog.Entity(entity);
        Skip.IfNot(entityType.FindProperty("CreatedAt") is not null && entityType.FindProperty("UpdatedAt") is not null, $"{entity} has no audit columns: the test does not apply.");

        var indexes = entityType.GetIndexes().Select(index => string.Join(", ", index.Properties.Select(property => property.Name))).ToList();

        Assert.Contains("CreatedAt, Id", indexes);
        Assert.Contains("UpdatedAt", indexes);
    }

    [Theory]
    [InlineData("Animals", true)]
    [InlineData("Dogs", false)]
    [InlineData("Cats", false)]
    [InlineData("Vehicles", true)]
    [InlineData("People", true)]
    public void Each_table_holding_the_audit_columns_has_their_indexes_once(string table, bool holdsAuditColumns)
    {
        var indexes = ConventionModelTables.Value.Tables.Single(candidate => candidate.Name.Equals(table, StringComparison.OrdinalIgnoreCase)).Indexes
            // Found by the properties the columns map, so the project's naming (PascalCase or snake_case) does not matter here.
            .Where(index => index.Columns.Any(column => column.PropertyMappings.Any(mapping => mapping.Property.Name is "CreatedAt" or "UpdatedAt")))
            .Select(index => string.Join(", ", index.Columns.Select(column => column.Name)))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(holdsAuditColumns ? ["CreatedAt, Id", "UpdatedAt"] : [], indexes);
    }
}
