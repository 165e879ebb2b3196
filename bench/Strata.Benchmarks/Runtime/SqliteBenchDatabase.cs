using BenchModel;
using BenchModel.Common.Auditing;
using BenchModel.Common.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// An in-memory SQLite database on one connection kept open for the whole run. The template's
/// options are built as <c>UseBenchModelModel</c> builds them, but on this open connection.
/// </summary>
public sealed class SqliteBenchDatabase : IBenchDatabase
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Dictionary<Variant, IRowWorkload> _workloads;

    public SqliteBenchDatabase()
    {
        _connection.Open();

        var auditing = new DbContextOptionsBuilder<BenchModelDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options;
        var full = new DbContextOptionsBuilder<BenchModelDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(
                new ValidationInterceptor(new EntityValidator()),
                new AuditingInterceptor(TimeProvider.System, detectChanges: false))
            .Options;
        var plain = new DbContextOptionsBuilder<PlainDbContext<long>>().UseSqlite(_connection).Options;

        using (var context = new BenchModelDbContext(full))
        {
            context.Database.EnsureCreated();
        }

        _workloads = new()
        {
            [Variant.Plain] = new PlainWorkload<long>(plain, version => version + 1),
            [Variant.Auditing] = new SqliteModelWorkload(auditing),
            [Variant.AuditingAndValidation] = new SqliteModelWorkload(full),
        };
    }

    public IRowWorkload Workload(Variant variant) => _workloads[variant];

    public void Reset()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM \"BenchItems\"; DELETE FROM sqlite_sequence WHERE name = 'BenchItems';";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var workload in _workloads.Values)
        {
            workload.Dispose();
        }

        _connection.Dispose();
    }
}
