using Acme.Sales.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Acme.Sales.Tests.Queries;

/// <summary>
/// Every scope of the model (<see cref="ScopeCatalog"/>) translates to SQL for this project's provider, with no
/// database: a scope EF Core cannot translate fails here, naming it, before any query runs. On SQL Server, where
/// <see cref="QueryIndexTests"/> cannot read the plans without a server, this is the check every scope gets.
/// </summary>
public sealed class ScopeTranslationTests
{
    public static TheoryData<string> Scopes => ScopeCatalog.ScopeNames;

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Scopes))]
    public void Every_scope_translates_to_sql(string scope)
    {
        var definition = ScopeCatalog.Find(scope);

        // Translating opens no connection, so the design-time context will do.
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        var sql = definition.ApplyTo(context, new DateTime(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc)).ToQueryString();

        Assert.Contains(definition.Entity.GetTableName()!, sql, StringComparison.Ordinal);
    }
}
