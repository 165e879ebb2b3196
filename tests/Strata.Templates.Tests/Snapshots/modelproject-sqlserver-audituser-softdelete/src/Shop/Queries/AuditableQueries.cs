using Shop.Common;

namespace Shop.Queries;

/// <summary>
/// Scopes every auditable entity shares: when rows were created or changed, newest first, and keyset paging.
/// Each is answered through an index that <see cref="Common.Conventions.AuditIndexConvention"/> gives every table, and
/// <c>QueryIndexTests</c> proves it against a real database. Times are UTC, like the columns.
/// <code>
/// var page = await db.Products.CreatedSince(monthStart).Page(50).ToListAsync();
/// var next = await db.Products.CreatedSince(monthStart).Page(50, after: PageCursor.After(page[^1])).ToListAsync();
/// var same = await db.Products.CreatedSince(monthStart).AfterId(page[^1].Id).Page(50).ToListAsync();
/// </code>
/// </summary>
public static class AuditableQueries
{
    /// <summary>The rows created at or after <paramref name="since"/>.</summary>
    public static IQueryable<TEntity> CreatedSince<TEntity>(this IQueryable<TEntity> query, DateTime since)
        where TEntity : AuditableEntity =>
        query.Where(entity => entity.CreatedAt >= since);

    /// <summary>
    /// The rows created from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), so that
    /// consecutive periods (a day, a month) neither overlap nor leave a gap.
    /// </summary>
    public static IQueryable<TEntity> CreatedBetween<TEntity>(this IQueryable<TEntity> query, DateTime from, DateTime to)
        where TEntity : AuditableEntity =>
        query.Where(entity => entity.CreatedAt >= from && entity.CreatedAt < to);

    /// <summary>The rows changed (or created) at or after <paramref name="since"/>.</summary>
    public static IQueryable<TEntity> UpdatedSince<TEntity>(this IQueryable<TEntity> query, DateTime since)
        where TEntity : AuditableEntity =>
        query.Where(entity => entity.UpdatedAt >= since);

    /// <summary>The rows last changed from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static IQueryable<TEntity> UpdatedBetween<TEntity>(this IQueryable<TEntity> query, DateTime from, DateTime to)
        where TEntity : AuditableEntity =>
        query.Where(entity => entity.UpdatedAt >= from && entity.UpdatedAt < to);

    /// <summary>
    /// Newest first: by <c>CreatedAt</c>, then by <c>Id</c> for rows created at the same instant, a total order
    /// that <see cref="After{TEntity}"/> can continue from.
    /// </summary>
    public static IOrderedQueryable<TEntity> NewestFirst<TEntity>(this IQueryable<TEntity> query)
        where TEntity : AuditableEntity =>
        query.OrderByDescending(entity => entity.CreatedAt).ThenByDescending(entity => entity.Id);

    /// <summary>The rows that come after <paramref name="cursor"/> in <see cref="NewestFirst{TEntity}"/> order.</summary>
    public static IQueryable<TEntity> After<TEntity>(this IQueryable<TEntity> query, PageCursor cursor)
        where TEntity : AuditableEntity
    {
        var (createdAt, id) = cursor;

        // (CreatedAt, Id) < (createdAt, id), written so that every provider seeks the index to createdAt:
        // the range on CreatedAt comes first, the Id comparison only separates rows of the same instant.
        return query.Where(entity => entity.CreatedAt <= createdAt && (entity.CreatedAt < createdAt || entity.Id < id));
    }

    /// <summary>
    /// The rows that come after the row with key <paramref name="id"/> in <see cref="NewestFirst{TEntity}"/> order, for a
    /// caller that keeps only the last row's key (an API's <c>?after=42</c>): that row's <c>CreatedAt</c> is read by its
    /// key in the same query. When that row is gone (deleted meanwhile) there is nothing to continue from and no row
    /// comes back; a <see cref="PageCursor"/> (<see cref="After{TEntity}"/>) needs no row and carries on.
    /// </summary>
    public static IQueryable<TEntity> AfterId<TEntity>(this IQueryable<TEntity> query, int id)
        where TEntity : AuditableEntity
    {
        // A subquery on the key, run once; the outer condition is After's, so the same index seek answers it.
        var createdAt = query.Where(entity => entity.Id == id).Select(entity => (DateTime?)entity.CreatedAt);
        return query.Where(entity => entity.CreatedAt <= createdAt.FirstOrDefault()
            && (entity.CreatedAt < createdAt.FirstOrDefault() || entity.Id < id));
    }

    /// <summary>
    /// One page of at most <paramref name="size"/> rows, newest first: the first page, or the one that follows
    /// <paramref name="after"/> (<see cref="PageCursor.After"/> of the previous page's last row). To continue from a
    /// key alone: <c>query.AfterId(lastId).Page(size)</c>.
    /// </summary>
    public static IQueryable<TEntity> Page<TEntity>(this IQueryable<TEntity> query, int size, PageCursor? after = null)
        where TEntity : AuditableEntity
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var rows = after is { } cursor ? query.After(cursor) : query;
        return rows.NewestFirst().Take(size);
    }
}
