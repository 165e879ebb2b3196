namespace Shop.Common.SoftDelete;

/// <summary>
/// A row that is marked deleted (<see cref="DeletedAt"/>) instead of being removed. Queries skip such
/// rows unless they call <see cref="SoftDeleteQueryExtensions.IncludeDeleted{TEntity}"/>.
/// </summary>
public interface ISoftDeletable
{
    /// <summary>When the row was deleted (UTC), or <see langword="null"/> while it is live.</summary>
    DateTime? DeletedAt { get; }
}
