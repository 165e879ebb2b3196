using System.Reflection;
using Acme.Sales.Common;
using Acme.Sales.Queries;
using Acme.Sales.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Acme.Sales.Tests.Queries;

/// <summary>
/// Every scope of the model (<see cref="ScopeCatalog"/>: <see cref="AuditableQueries"/> for each auditable entity, and
/// each method of the <c>&lt;Entity&gt;Queries</c> classes), run against a database built from the migrations with a few
/// thousand rows, is answered through an index, as the database's own EXPLAIN shows. Drop the index behind a scope and
/// its case fails, naming the scope. A new scope is covered without a new test.
/// </summary>
public sealed class QueryIndexTests(ScopeDatabase rows) : IClassFixture<ScopeDatabase>
{
    public static TheoryData<string> Scopes => ScopeCatalog.ScopeNames;

    [EntityTheory]
    [MemberData(nameof(Scopes))]
    public async Task Every_scope_is_answered_through_an_index(string scope)
    {
        var definition = ScopeCatalog.Find(scope);
        await using var context = rows.Database.CreateContext();
        await context.Database.OpenConnectionAsync();

        var plan = await QueryPlan.ExplainAsync(definition.ApplyTo(context, rows.FirstCreatedAt + ((rows.LastCreatedAt - rows.FirstCreatedAt) / 2)));

        Assert.True(
            plan.ProblemWithoutAnIndex() is null,
            $"{definition.Name} is not answered through an index of {definition.Entity.GetTableName()}: {plan.ProblemWithoutAnIndex()}. "
            + (definition.Method.IsGenericMethod
                ? $"AuditIndexConvention gives every auditable table the indexes of these scopes: check it is registered and the migrations create them.\n{plan}"
                : $"Index the columns it filters or orders on (HasIndex in {definition.Entity.ClrType.Name}Configuration), or change the scope.\n{plan}"));
    }

    [EntityTheory]
    [MemberData(nameof(ModelCatalog.EntityNames), MemberType = typeof(ModelCatalog))]
    public async Task Paging_newest_first_returns_every_row_once(string entity)
    {
        var entityType = ModelCatalog.Entity(entity);
        Skip.IfNot(entityType.ClrType.IsAssignableTo(typeof(AuditableEntity)), $"{entity} has no CreatedAt: the test does not apply.");

        var page = typeof(QueryIndexTests).GetMethod(nameof(PageThroughAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(entityType.ClrType);
        await (Task)page.Invoke(this, [])!;
    }

    /// <summary>
    /// Pages through the table 37 rows at a time (so pages end inside a group of rows saved at the same instant), once
    /// with a <see cref="PageCursor"/> and once with the last row's key (<c>AfterId</c>), and compares the rows with one
    /// newest-first query.
    /// </summary>
    private async Task PageThroughAsync<TEntity>()
        where TEntity : AuditableEntity
    {
        await using var context = rows.Database.CreateContext();
        var expected = await context.Set<TEntity>().NewestFirst().Select(entity => entity.Id).ToListAsync();

        var paged = new List<TEntity>();
        PageCursor? after = null;
        while (await context.Set<TEntity>().AsNoTracking().Page(37, after).ToListAsync() is { Count: > 0 } page)
        {
            paged.AddRange(page);
            after = PageCursor.After(page[^1]);
        }

        var pagedById = new List<TEntity>();
        var next = await context.Set<TEntity>().AsNoTracking().Page(37).ToListAsync();
        while (next.Count > 0)
        {
            pagedById.AddRange(next);
            next = await context.Set<TEntity>().AsNoTracking().AfterId(next[^1].Id).Page(37).ToListAsync();
        }

        Assert.True(expected.Count >= ScopeDatabase.RowsPerEntity, $"Expected at least {ScopeDatabase.RowsPerEntity} rows of {typeof(TEntity).Name}, found {expected.Count}.");
        Assert.Equal(expected, paged.Select(entity => entity.Id));
        Assert.Equal(expected, pagedById.Select(entity => entity.Id));
    }
}
