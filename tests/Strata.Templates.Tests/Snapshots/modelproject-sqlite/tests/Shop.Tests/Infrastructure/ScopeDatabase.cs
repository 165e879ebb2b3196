namespace Shop.Tests.Infrastructure;

/// <summary>
/// A <see cref="TestDatabase"/> (built from the migrations) holding <see cref="RowsPerEntity"/> rows of every entity
/// and the parents they need: enough rows that a database would rather use an index than read the table, if it can.
/// </summary>
public sealed class ScopeDatabase : IAsyncLifetime
{
    public const int RowsPerEntity = 1000;

    private const int RowsPerSave = 250;

    public TestDatabase Database { get; } = new();

    /// <summary>The first <c>CreatedAt</c> of the rows; each save is one minute after the one before.</summary>
    public DateTime FirstCreatedAt { get; private set; }

    /// <summary>The last <c>CreatedAt</c> of the rows.</summary>
    public DateTime LastCreatedAt { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        FirstCreatedAt = Database.Clock.GetUtcNow().UtcDateTime;
        foreach (var entityType in ModelCatalog.Entities)
        {
            for (var saved = 0; saved < RowsPerEntity; saved += RowsPerSave)
            {
                await using var context = Database.CreateContext();
                for (var row = 0; row < RowsPerSave; row++)
                {
                    new TestData(context).Add(entityType);
                }

                // Every row of a save gets the same CreatedAt: paging must keep them apart by Id.
                await context.SaveChangesAsync();
                LastCreatedAt = Database.Clock.GetUtcNow().UtcDateTime;
                Database.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
