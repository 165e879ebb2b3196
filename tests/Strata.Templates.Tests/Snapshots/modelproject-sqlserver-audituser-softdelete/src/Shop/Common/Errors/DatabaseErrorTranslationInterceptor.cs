using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shop.Common.Errors;

/// <summary>
/// Replaces the provider's exception for a refused <c>SaveChanges</c> with one of ours
/// (<see cref="ConstraintViolationException"/> subtypes, <see cref="ConcurrencyConflictException"/>),
/// so callers can handle "duplicate", "missing parent" or "stale row" without knowing the provider.
/// EF Core rolls the transaction back and keeps the pending changes, so the caller can fix and retry.
/// </summary>
public sealed class DatabaseErrorTranslationInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result) =>
        throw new ConcurrencyConflictException(eventData.Exception);

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default) =>
        throw new ConcurrencyConflictException(eventData.Exception);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Translate(Exception exception)
    {
        if (exception is DbUpdateException { InnerException: { } inner } update and not DbUpdateConcurrencyException
            && DatabaseErrorClassifier.Classify(inner) is { } violation)
        {
            throw ConstraintViolationException.Create(violation, update, update.Entries);
        }
    }
}
