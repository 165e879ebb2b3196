using System.Reflection;
using Shop.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Common.SoftDelete;

/// <summary>
/// Turns the deletion of an <see cref="ISoftDeletable"/> row into an update of its <c>DeletedAt</c>,
/// and keeps the delete rules of its relationships, as the database would for a real delete: live
/// children on a Cascade relationship are soft-deleted too, live children on a Restrict relationship
/// refuse the delete (<see cref="ForeignKeyConstraintException"/>) unless they are deleted in the same
/// <c>SaveChanges</c>, and SetNull clears their key.
/// </summary>
/// <remarks>
/// The children are looked up one level at a time with one query per relationship for all the rows
/// deleted at that level, their keys passed as a parameter (so the query plan is reused). A Restrict
/// check only reads the children's keys; children are loaded into the change tracker only where they
/// change (Cascade, SetNull), so that their own audit columns, concurrency token and validation apply.
/// Nothing in the change tracker changes until every rule has been checked: a refused delete leaves
/// the rows as the caller left them.
/// </remarks>
public sealed class SoftDeleteInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    private static readonly MethodInfo LoadChildrenMethod =
        typeof(SoftDeleteInterceptor).GetMethod(nameof(LoadChildrenOfTypeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ChildKeysMethod =
        typeof(SoftDeleteInterceptor).GetMethod(nameof(ChildKeysAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            SoftDeleteAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult();
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
            await SoftDeleteAsync(context, async: true, cancellationToken);
        }

        return result;
    }

    private async Task SoftDeleteAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var level = context.ChangeTracker.Entries()
            .Where(entry => entry is { State: EntityState.Deleted, Entity: ISoftDeletable })
            .ToList();
        if (level.Count == 0)
        {
            return;
        }

        // First work out everything the delete rules imply, changing nothing: if a Restrict relationship
        // refuses, the exception leaves the change tracker as the caller left it (a retry is refused again).
        var softDeleted = new List<EntityEntry>();
        var deleting = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var clearedKeys = new List<(EntityEntry Child, IForeignKey ForeignKey)>();
        var restrictChecks = new List<(IForeignKey ForeignKey, List<EntityEntry> Principals)>();

        while (level.Count > 0)
        {
            level = [.. level.Where(entry => deleting.Add(entry.Entity))];
            softDeleted.AddRange(level);

            var next = new List<EntityEntry>();
            var byForeignKey = level
                .SelectMany(entry => entry.Metadata.GetReferencingForeignKeys(), (entry, foreignKey) => (entry, foreignKey))
                .Where(pair => !LinksDerivedTableToBaseTable(pair.foreignKey))
                .GroupBy(pair => pair.foreignKey, pair => pair.entry);

            foreach (var principals in byForeignKey)
            {
                var foreignKey = principals.Key;
                switch (foreignKey.DeleteBehavior)
                {
                    case DeleteBehavior.Cascade or DeleteBehavior.ClientCascade when foreignKey.DeclaringEntityType.ClrType.IsAssignableTo(typeof(ISoftDeletable)):
                        next.AddRange((await LoadChildrenAsync(context, foreignKey, principals, async, cancellationToken)).Select(context.Entry));
                        break;
                    case DeleteBehavior.SetNull or DeleteBehavior.ClientSetNull when foreignKey.Properties.All(property => property.IsNullable):
                        clearedKeys.AddRange((await LoadChildrenAsync(context, foreignKey, principals, async, cancellationToken)).Select(child => (context.Entry(child), foreignKey)));
                        break;
                    default:
                        // Checked once every row this SaveChanges deletes is known: deleting a parent together
                        // with its children is allowed, as it is for a real delete in one transaction.
                        restrictChecks.Add((foreignKey, [.. principals]));
                        break;
                }
            }

            level = next;
        }

        foreach (var (foreignKey, principals) in restrictChecks)
        {
            await EnsureNoLiveChildrenAsync(context, foreignKey, principals, deleting, async, cancellationToken);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var entry in softDeleted)
        {
            entry.State = EntityState.Modified;
            entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue = now;
        }

        foreach (var (child, foreignKey) in clearedKeys.Where(pair => !deleting.Contains(pair.Child.Entity)))
        {
            foreach (var property in foreignKey.Properties)
            {
                child.Property(property.Name).CurrentValue = null;
            }
        }
    }

    /// <summary>
    /// Throws when a live row that is not being deleted references one of <paramref name="principals"/>
    /// through a relationship that restricts deletes. Reads the children's keys, not the children.
    /// </summary>
    private static async Task EnsureNoLiveChildrenAsync(
        DbContext context, IForeignKey foreignKey, List<EntityEntry> principals, HashSet<object> deleting, bool async, CancellationToken cancellationToken)
    {
        var primaryKey = foreignKey.DeclaringEntityType.FindPrimaryKey()!.Properties[0];
        var childKeys = await (Task<List<(object Key, object Parent)>>)ChildKeysMethod
            .MakeGenericMethod(foreignKey.DeclaringEntityType.ClrType, foreignKey.Properties[0].ClrType, primaryKey.ClrType)
            .Invoke(null, [context, foreignKey, PrincipalKeys(foreignKey, principals), async, cancellationToken])!;

        var leaving = deleting
            .Where(foreignKey.DeclaringEntityType.ClrType.IsInstanceOfType)
            .Select(entity => context.Entry(entity).Property(primaryKey.Name).CurrentValue)
            .ToHashSet();

        if (childKeys.FirstOrDefault(child => !leaving.Contains(child.Key)) is { Key: not null } staying)
        {
            var principalKey = foreignKey.PrincipalKey.Properties[0].Name;
            throw Restricted(foreignKey, principals.First(principal => Equals(principal.Property(principalKey).CurrentValue, staying.Parent)));
        }
    }

    /// <summary>The live children of <paramref name="principals"/>, loaded into the change tracker: one query per relationship.</summary>
    private static Task<List<object>> LoadChildrenAsync(
        DbContext context, IForeignKey foreignKey, IEnumerable<EntityEntry> principals, bool async, CancellationToken cancellationToken) =>
        (Task<List<object>>)LoadChildrenMethod
            .MakeGenericMethod(foreignKey.DeclaringEntityType.ClrType, foreignKey.Properties[0].ClrType)
            .Invoke(null, [context, foreignKey, PrincipalKeys(foreignKey, principals), async, cancellationToken])!;

    private static async Task<List<object>> LoadChildrenOfTypeAsync<TChild, TKey>(
        DbContext context, IForeignKey foreignKey, List<object?> principalKeys, bool async, CancellationToken cancellationToken)
        where TChild : class
    {
        var query = ChildrenOf<TChild, TKey>(context, foreignKey, principalKeys);
        return async ? [.. await query.ToListAsync(cancellationToken)] : [.. query];
    }

    private static async Task<List<(object Key, object Parent)>> ChildKeysAsync<TChild, TKey, TChildKey>(
        DbContext context, IForeignKey foreignKey, List<object?> principalKeys, bool async, CancellationToken cancellationToken)
        where TChild : class
    {
        var primaryKeyName = foreignKey.DeclaringEntityType.FindPrimaryKey()!.Properties[0].Name;
        var foreignKeyName = foreignKey.Properties[0].Name;
        var query = ChildrenOf<TChild, TKey>(context, foreignKey, principalKeys)
            .AsNoTracking()
            .Select(child => new { Key = EF.Property<TChildKey>(child, primaryKeyName), Parent = EF.Property<TKey>(child, foreignKeyName) });
        var rows = async ? await query.ToListAsync(cancellationToken) : [.. query];
        return [.. rows.Select(row => ((object)row.Key!, (object)row.Parent!))];
    }

    /// <summary>
    /// <c>child => keys.Contains(child.ParentId)</c> over the live children: <c>keys</c> is a captured
    /// list, so EF Core sends it as a parameter and reuses one query plan whatever the keys are.
    /// </summary>
    private static IQueryable<TChild> ChildrenOf<TChild, TKey>(DbContext context, IForeignKey foreignKey, List<object?> principalKeys)
        where TChild : class
    {
        if (foreignKey.Properties.Count != 1)
        {
            throw new NotSupportedException(
                $"Soft delete follows single-column foreign keys only; {foreignKey.DeclaringEntityType.ClrType.Name}.{string.Join("+", foreignKey.Properties.Select(p => p.Name))} has {foreignKey.Properties.Count} columns.");
        }

        var keys = principalKeys.Select(key => (TKey)key!).ToList();
        var foreignKeyName = foreignKey.Properties[0].Name;
        return context.Set<TChild>().Where(child => keys.Contains(EF.Property<TKey>(child, foreignKeyName)));
    }

    private static List<object?> PrincipalKeys(IForeignKey foreignKey, IEnumerable<EntityEntry> principals) =>
        [.. principals.Select(principal => principal.Property(foreignKey.PrincipalKey.Properties[0].Name).CurrentValue).Distinct()];

    /// <summary>The link of a table-per-type derived table to its base table: the same row, not a child.</summary>
    private static bool LinksDerivedTableToBaseTable(IForeignKey foreignKey) =>
        foreignKey.PrincipalEntityType.IsAssignableFrom(foreignKey.DeclaringEntityType)
        && foreignKey.Properties.SequenceEqual(foreignKey.DeclaringEntityType.FindPrimaryKey()!.Properties);

    private static ForeignKeyConstraintException Restricted(IForeignKey foreignKey, EntityEntry principal) =>
        new(
            new ConstraintViolation(ConstraintKind.ForeignKey, foreignKey.DeclaringEntityType.GetTableName(), foreignKey.GetConstraintName(), foreignKey.Properties[0].GetColumnName()),
            new InvalidOperationException(
                $"{principal.Metadata.ClrType.Name} is still referenced by live {foreignKey.DeclaringEntityType.ClrType.Name} rows, and the relationship restricts deletes."),
            [principal]);
}
