using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Acme.Sales.Common.Errors;

/// <summary>
/// Replaces the exception of a refused <c>SaveChanges</c> with one of ours
/// (<see cref="ConstraintViolationException"/> subtypes, <see cref="ConcurrencyConflictException"/>),
/// so callers can handle "duplicate", "missing parent" or "stale row" without knowing the provider.
/// The DbContext calls it once <c>SaveChanges</c> has failed, after EF Core has told its interceptors and
/// <c>SaveChangesFailed</c> listeners (they see EF Core's exception; ours wraps it). EF Core rolls the
/// transaction back and keeps the pending changes, so the caller can fix and retry.
/// </summary>
public static class DatabaseErrorTranslator
{
    /// <summary>Our exception for <paramref name="exception"/>, or <see langword="null"/> when it is not one we translate.</summary>
    public static Exception? Translate(Exception exception, ChangeTracker changeTracker) => exception switch
    {
        ConcurrencyConflictException or ConstraintViolationException => null,
        DbUpdateConcurrencyException concurrency => new ConcurrencyConflictException(concurrency),
        DbUpdateException { InnerException: { } inner } update when DatabaseErrorClassifier.Classify(inner) is { } violation =>
            ConstraintViolationException.Create(violation, update, update.Entries),
        InvalidOperationException => RestrictedDelete(exception, changeTracker),
        _ => null,
    };

    /// <summary>
    /// EF Core refuses, before sending any SQL, to delete a parent whose children on a Restrict relationship are
    /// tracked (it cannot clear their required key). The database would refuse the same delete with the children
    /// unloaded, so the caller gets the same exception either way.
    /// </summary>
    private static ForeignKeyConstraintException? RestrictedDelete(Exception exception, ChangeTracker changeTracker)
    {
        var entries = changeTracker.Entries(detectChanges: false).ToList();
        foreach (var principal in entries.Where(entry => entry.State == EntityState.Deleted))
        {
            foreach (var foreignKey in principal.Metadata.GetReferencingForeignKeys())
            {
                if (foreignKey.IsRequired
                    && foreignKey.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.ClientCascade)
                    && entries.Any(dependent => References(dependent, principal, foreignKey)))
                {
                    var violation = new ConstraintViolation(
                        ConstraintKind.ForeignKey,
                        foreignKey.DeclaringEntityType.GetTableName(),
                        foreignKey.GetConstraintName(),
                        foreignKey.Properties[0].GetColumnName());
                    return new ForeignKeyConstraintException(violation, exception, [principal]);
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="dependent"/> is a live row that pointed at <paramref name="principal"/> when it was loaded.</summary>
    private static bool References(EntityEntry dependent, EntityEntry principal, IForeignKey foreignKey)
    {
        if (dependent.State is EntityState.Deleted or EntityState.Detached || !foreignKey.DeclaringEntityType.IsAssignableFrom(dependent.Metadata))
        {
            return false;
        }

        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            if (!Equals(dependent.Property(foreignKey.Properties[i].Name).OriginalValue, principal.Property(foreignKey.PrincipalKey.Properties[i].Name).OriginalValue))
            {
                return false;
            }
        }

        return true;
    }
}
