using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shop.Tests.Infrastructure;

public static class DbContextTestExtensions
{
    /// <summary>Quotes a table or column name the way the context's provider does.</summary>
    public static string Delimit(this DbContext context, string identifier) =>
        context.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

    /// <summary>Counts the rows of an entity's table in the database, bypassing the change tracker.</summary>
    public static Task<int> CountRowsAsync(this DbContext context, IEntityType entityType)
    {
        // A table name cannot be a parameter; this one comes from the model, not from input.
        var sql = $"SELECT COUNT(*) AS {context.Delimit("Value")} FROM {context.Delimit(entityType.GetTableName()!)}";
        return context.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    /// <summary>
    /// A value (a key) as a SQL literal of the context's provider, written by the type mapping EF Core itself uses
    /// for it: <c>42</c>, or a Guid the way the provider stores it (<c>uuid</c>, <c>uniqueidentifier</c>, SQLite's uppercase <c>TEXT</c>).
    /// </summary>
    public static string SqlLiteral(this DbContext context, object value) =>
        context.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())!.GenerateSqlLiteral(value);

    /// <summary>Runs one SQL statement directly, the way another application would: no validators, no interceptors.</summary>
    public static Task<int> ExecuteRawAsync(this DbContext context, string sql) =>
        context.Database.ExecuteSqlRawAsync(sql);
}
