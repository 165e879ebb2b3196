using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>
/// Another writer changed or deleted the row after it was read, so this update was refused.
/// Reload the entity (<c>entry.ReloadAsync()</c>), reapply the change and save again.
/// </summary>
public sealed class ConcurrencyConflictException(DbUpdateConcurrencyException innerException)
    : DbUpdateConcurrencyException(BuildMessage(innerException), innerException)
{
    /// <summary>The entries whose rows had changed; reload them before retrying.</summary>
    public override IReadOnlyList<EntityEntry> Entries => innerException.Entries;

    private static string BuildMessage(DbUpdateConcurrencyException exception)
    {
        var rows = string.Join(", ", exception.Entries.Select(entry => entry.Metadata.ClrType.Name).Distinct());
        return $"The change was refused because another writer changed or deleted the same row ({rows}) since it was read. "
            + "Reload the entity, reapply the change and save again. Nothing was saved.";
    }
}
