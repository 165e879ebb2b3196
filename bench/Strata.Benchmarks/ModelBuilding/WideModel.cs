using BenchWide;
using BenchWide.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Strata.Benchmarks.CompiledModels;

namespace Strata.Benchmarks.ModelBuilding;

/// <summary>Opens a context over the 200-entity model and runs its first query.</summary>
public static class WideModel
{
    /// <summary>
    /// Creates a context and runs one query. With <paramref name="freshModel"/> EF gets a new internal
    /// service provider, so the model is built again (in-process measurements); the cold-start probe
    /// leaves it off, as an application would.
    /// </summary>
    public static int FirstQuery(ModelVariant variant, bool freshModel)
    {
        using var context = Create(variant, freshModel);
        return FirstQuery(context);
    }

    /// <summary>The first query: one row's key from the first entity's table.</summary>
    public static int FirstQuery(DbContext context) =>
        context.Set<Entity001>().AsNoTracking().Where(row => row.Quantity > 0).Select(row => row.Id).FirstOrDefault();

    /// <summary>Creates the SQLite files the variants query (once; not measured).</summary>
    public static void EnsureDatabases()
    {
        foreach (var variant in new[] { ModelVariant.Plain, ModelVariant.Conventions })
        {
            if (!File.Exists(DatabasePath(variant)))
            {
                using var context = Create(variant, freshModel: false);
                context.Database.EnsureCreated();
                SqliteConnection.ClearAllPools();
            }
        }
    }

    public static DbContext Create(ModelVariant variant, bool freshModel)
    {
        var connectionString = $"Data Source={DatabasePath(variant)}";
        switch (variant)
        {
            case ModelVariant.Plain:
                var plain = new DbContextOptionsBuilder<PlainWideDbContext>().UseSqlite(connectionString);
                return new PlainWideDbContext(Fresh(plain, freshModel).Options);
            case ModelVariant.Conventions:
                var conventions = new DbContextOptionsBuilder<BenchWideDbContext>().UseSqlite(connectionString);
                return new BenchWideDbContext(Fresh(conventions, freshModel).Options);
            case ModelVariant.Template:
                var template = new DbContextOptionsBuilder<BenchWideDbContext>().UseBenchWideModel(connectionString, TimeProvider.System);
                return new BenchWideDbContext(Fresh(template, freshModel).Options);
            default:
                var compiled = new DbContextOptionsBuilder<BenchWideDbContext>()
                    .UseBenchWideModel(connectionString, TimeProvider.System)
                    .UseModel(BenchWideDbContextModel.Instance);
                return new BenchWideDbContext(Fresh(compiled, freshModel).Options);
        }
    }

    private static DbContextOptionsBuilder<TContext> Fresh<TContext>(DbContextOptionsBuilder<TContext> options, bool freshModel)
        where TContext : DbContext =>
        freshModel ? options.EnableServiceProviderCaching(false) : options;

    private static string DatabasePath(ModelVariant variant) =>
        Path.Combine(BenchEnvironment.DataDirectory, variant == ModelVariant.Plain ? "wide-plain.db" : "wide-template.db");
}
