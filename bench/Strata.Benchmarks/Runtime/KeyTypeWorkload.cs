using BenchModel;
using BenchModelGuid;
using BenchModelPg;
using BenchModelPgGuid;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using GuidModel = BenchModelGuid;
using GuidModelPg = BenchModelPgGuid;
using IntModel = BenchModel;
using IntModelPg = BenchModelPg;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// The BenchItems table of a model generated with <c>--id-type int</c> (the default) or <c>--id-type guid</c>, in a
/// database of its own (a named in-memory SQLite database, or a PostgreSQL database on the throwaway cluster),
/// written through the template's DbContext as <c>Use…Model</c> wires it.
/// </summary>
public sealed class KeyTypeWorkload : IDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string _connectionString;
    private readonly Func<DbContext> _createContext;
    private readonly Func<int, object> _newRow;

    public KeyTypeWorkload(string database, string keyType)
    {
        if (database == "Sqlite")
        {
            // A named in-memory database lives while one connection to it is open.
            _connectionString = $"Data Source=strata-bench-keys-{keyType};Mode=Memory;Cache=Shared";
            _sqlite = new SqliteConnection(_connectionString);
            _sqlite.Open();
        }
        else
        {
            _connectionString = new NpgsqlConnectionStringBuilder(BenchEnvironment.PostgresConnectionString!) { Database = $"strata_bench_keys_{keyType}" }.ConnectionString;
        }

        (_createContext, _newRow) = (database, keyType) switch
        {
            ("Sqlite", "int") => Model(new DbContextOptionsBuilder<IntModel.BenchModelDbContext>().UseBenchModelModel(_connectionString, TimeProvider.System).Options, options => new IntModel.BenchModelDbContext(options), index => new IntModel.Entities.BenchItem { Name = RowValues.Name(index), Sku = RowValues.Sku(index), Quantity = index % 100, Price = index % 1000 }),
            ("Sqlite", "guid") => Model(new DbContextOptionsBuilder<GuidModel.BenchModelGuidDbContext>().UseBenchModelGuidModel(_connectionString, TimeProvider.System).Options, options => new GuidModel.BenchModelGuidDbContext(options), index => new GuidModel.Entities.BenchItem { Name = RowValues.Name(index), Sku = RowValues.Sku(index), Quantity = index % 100, Price = index % 1000 }),
            ("PostgreSql", "int") => Model(new DbContextOptionsBuilder<IntModelPg.BenchModelPgDbContext>().UseBenchModelPgModel(_connectionString, TimeProvider.System).Options, options => new IntModelPg.BenchModelPgDbContext(options), index => new IntModelPg.Entities.BenchItem { Name = RowValues.Name(index), Sku = RowValues.Sku(index), Quantity = index % 100, Price = index % 1000 }),
            ("PostgreSql", "guid") => Model(new DbContextOptionsBuilder<GuidModelPg.BenchModelPgGuidDbContext>().UseBenchModelPgGuidModel(_connectionString, TimeProvider.System).Options, options => new GuidModelPg.BenchModelPgGuidDbContext(options), index => new GuidModelPg.Entities.BenchItem { Name = RowValues.Name(index), Sku = RowValues.Sku(index), Quantity = index % 100, Price = index % 1000 }),
            _ => throw new ArgumentException($"No generated model for {database} with {keyType} keys."),
        };

        using var context = _createContext();
        if (_sqlite is null)
        {
            context.Database.EnsureDeleted();
        }

        context.Database.EnsureCreated();
    }

    /// <summary>Empties the table (not measured).</summary>
    public void Reset()
    {
        using var context = _createContext();
        context.Database.ExecuteSqlRaw(_sqlite is null ? "TRUNCATE \"BenchItems\" RESTART IDENTITY;" : "DELETE FROM \"BenchItems\";");
    }

    /// <summary>Inserts rows <c>batch * BatchSize</c> onwards, one DbContext and one SaveChanges.</summary>
    public void InsertBatch(int batch)
    {
        using var context = _createContext();
        for (var i = 0; i < RowWorkload<object>.BatchSize; i++)
        {
            context.Add(_newRow((batch * RowWorkload<object>.BatchSize) + i));
        }

        context.SaveChanges();
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    private static (Func<DbContext>, Func<int, object>) Model<TContext>(DbContextOptions<TContext> options, Func<DbContextOptions<TContext>, TContext> create, Func<int, object> newRow)
        where TContext : DbContext =>
        (() => create(options), newRow);
}
