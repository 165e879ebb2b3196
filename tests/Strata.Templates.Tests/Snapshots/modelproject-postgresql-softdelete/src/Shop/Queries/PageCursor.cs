using Shop.Common;

namespace Shop.Queries;

/// <summary>
/// Where a newest-first page ended: the <c>CreatedAt</c> and <c>Id</c> of its last row. The next page starts
/// after it (<see cref="AuditableQueries.Page{TEntity}"/>), so rows inserted meanwhile neither shift nor repeat
/// rows the way <c>Skip(n)</c> does, and every page costs the same however deep it is.
/// </summary>
/// <param name="CreatedAt">The last row's <c>CreatedAt</c> (UTC).</param>
/// <param name="Id">The last row's <c>Id</c>, which orders rows created at the same instant.</param>
public readonly record struct PageCursor(DateTime CreatedAt, int Id)
{
    /// <summary>The cursor just past <paramref name="entity"/>, usually the last row of a page.</summary>
    public static PageCursor After(AuditableEntity entity) => new(entity.CreatedAt, entity.Id);
}
