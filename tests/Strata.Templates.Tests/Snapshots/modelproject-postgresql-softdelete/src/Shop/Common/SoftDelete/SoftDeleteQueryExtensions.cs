using Microsoft.EntityFrameworkCore;

namespace Shop.Common.SoftDelete;

public static class SoftDeleteQueryExtensions
{
    /// <summary>The name of the global query filter that hides deleted rows.</summary>
    public const string FilterName = "SoftDelete";

    /// <summary>Returns deleted rows too; other query filters still apply.</summary>
    public static IQueryable<TEntity> IncludeDeleted<TEntity>(this IQueryable<TEntity> query)
        where TEntity : class, ISoftDeletable =>
        query.IgnoreQueryFilters([FilterName]);

    /// <summary>Returns only the deleted rows.</summary>
    public static IQueryable<TEntity> OnlyDeleted<TEntity>(this IQueryable<TEntity> query)
        where TEntity : class, ISoftDeletable =>
        query.IncludeDeleted().Where(entity => entity.DeletedAt != null);
}
