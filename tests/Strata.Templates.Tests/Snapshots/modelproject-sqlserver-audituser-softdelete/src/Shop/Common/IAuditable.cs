namespace Shop.Common;

/// <summary>
/// A row that records when it was created and last changed (UTC).
/// The values are set by <see cref="Auditing.AuditingInterceptor"/>, never by callers.
/// </summary>
public interface IAuditable
{
    DateTime CreatedAt { get; }

    DateTime UpdatedAt { get; }

    /// <summary>The <see cref="ICurrentUser.UserId"/> that inserted the row.</summary>
    string? CreatedBy { get; }

    /// <summary>The <see cref="ICurrentUser.UserId"/> that last changed the row.</summary>
    string? UpdatedBy { get; }
}
