using Shop.Common;

namespace Shop.Queries;

/// <summary>
/// Scopes every auditable entity shares: when rows were created or changed, newest first, and keyset paging.
/// Each is answered through an index that <see cref="Common.Conventions.AuditIndexConvention"/> gives every table, and
/// <c>QueryIndexTests</c> proves it against a real database. Times are UTC, like the columns.
/// <code>
/// var page = await db.Products.CreatedSince(monthStart).Page(50).ToListAsync();
/// var next = await db.Products.CreatedSince(monthStart).Page(50, after: PageCursor.After(page[^1])).ToListAsync();
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
    /// One page of at most <paramref name="size"/> rows, newest first: the first page, or the one that follows
    /// <paramref name="after"/> (<see cref="PageCursor.After"/> of the previous page's last row).
    /// </summary>
    public static IQueryable<TEntity> Page<TEntity>(this IQueryable<TEntity> query, int size, PageCursor? after = null)
        where TEntity : AuditableEntity
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var rows = after is { } cursor ? query.After(cursor) : query;
        return rows.NewestFirst().Take(size);
    }
}
