using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shop.Common.Validation;

/// <summary>
/// Validates every added or modified entity before <c>SaveChanges</c>/<c>SaveChangesAsync</c>
/// writes anything; on failure it throws <see cref="EntityValidationException"/> and no SQL is sent.
/// Asynchronous rules (<c>MustAsync</c>, <c>CustomAsync</c>) run on <c>SaveChangesAsync</c>; the
/// synchronous <c>SaveChanges</c> refuses them with an <see cref="InvalidOperationException"/>.
/// </summary>
/// <param name="validator">The entity validators.</param>
/// <param name="detectChanges">
/// False only when this interceptor is registered right after one that detected changes (see
/// <see cref="ChangeTrackerExtensions.Entries(ChangeTracker, bool)"/>).
/// </param>
public sealed class ValidationInterceptor(EntityValidator validator, bool detectChanges = true) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            validator.ThrowIfInvalid(context.ChangeTracker.Entries(detectChanges));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await validator.ThrowIfInvalidAsync(context.ChangeTracker.Entries(detectChanges), cancellationToken);
        }

        return result;
    }
}
