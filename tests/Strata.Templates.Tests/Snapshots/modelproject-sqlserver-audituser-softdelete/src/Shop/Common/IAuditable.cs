namespace Shop.Common;

/// <summary>
/// A row that records when it was created and last changed (UTC).
/// The values are set by <see cref="Auditing.AuditingInterceptor"/>, never by callers.
/// </summary>
public interface IAuditable
{
    DateTime CreatedAt { get; }

    DateTime UpdatedAt { get; }
}
