using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shop.Common.Validation;

/// <summary>
/// Validates every added or modified entity before <c>SaveChanges</c>/<c>SaveChangesAsync</c>
/// writes anything; on failure it throws <see cref="EntityValidationException"/> and no SQL is sent.
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
        Validate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Validate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Validate(DbContext? context)
    {
        if (context is not null)
        {
            validator.ThrowIfInvalid(context.ChangeTracker.Entries(detectChanges));
        }
    }
}
