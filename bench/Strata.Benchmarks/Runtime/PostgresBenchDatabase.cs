using BenchModelPg;
using BenchModelPg.Common.Auditing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// A fresh database on the throwaway PostgreSQL cluster (<c>STRATA_BENCH_POSTGRES</c>). The full
/// variant goes through the generated <c>UseBenchModelPgModel</c> itself.
/// The database name lets several instances run side by side (one per variant in <see cref="PairedRunner"/>).
/// </summary>
public sealed class PostgresBenchDatabase : IBenchDatabase
{
    private readonly string _connectionString;
    private readonly Dictionary<Variant, IRowWorkload> _workloads;

    public PostgresBenchDatabase(string serverConnectionString, string databaseName = "strata_bench")
    {
        _connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;

        var auditing = new DbContextOptionsBuilder<BenchModelPgDbContext>()
            .UseNpgsql(_connectionString)
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options;
        var full = new DbContextOptionsBuilder<BenchModelPgDbContext>()
            .UseBenchModelPgModel(_connectionString, TimeProvider.System)
            .Options;
        var plain = new DbContextOptionsBuilder<PlainDbContext<uint>>().UseNpgsql(_connectionString).Options;

        using (var context = new BenchModelPgDbContext(full))
        {
            context.Database.EnsureDeleted();
            context.Database.EnsureCreated();
        }

        _workloads = new()
        {
            [Variant.Plain] = new PlainWorkload<uint>(plain, bumpVersion: null),
            [Variant.Auditing] = new PostgresModelWorkload(auditing),
            [Variant.AuditingAndValidation] = new PostgresModelWorkload(full),
        };
    }

    public IRowWorkload Workload(Variant variant) => _workloads[variant];

    public void Reset()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("TRUNCATE \"BenchItems\" RESTART IDENTITY;", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var workload in _workloads.Values)
        {
            workload.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
