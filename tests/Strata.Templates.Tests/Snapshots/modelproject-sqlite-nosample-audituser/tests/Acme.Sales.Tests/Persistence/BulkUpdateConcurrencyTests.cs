using Acme.Sales.Common;
using Acme.Sales.Common.Errors;
using Acme.Sales.Tests.Infrastructure;
using Acme.Sales.Tests.Model.ConventionModel;
using Microsoft.EntityFrameworkCore;

namespace Acme.Sales.Tests.Persistence;

/// <summary>
/// A bulk update (<c>ExecuteUpdate</c>) changes a row's concurrency token like any other update, so a
/// copy of the row loaded before it cannot be saved over it.
/// </summary>
public sealed class BulkUpdateConcurrencyTests
{
    [DatabaseFact]
    public async Task A_tracked_save_after_a_bulk_update_of_the_same_row_is_a_concurrency_conflict()
    {
        var connectionString = TestConnection.CreateUnique();
        await using var stale = CreateContext(connectionString);
        await stale.Database.EnsureCreatedAsync();
        try
        {
            var person = new Person { Name = "Ada" };
            stale.Add(person);
            await stale.SaveChangesAsync();

            await using (var bulk = CreateContext(connectionString))
            {
                await bulk.Set<Person>().Where(p => p.Id == person.Id).ExecuteUpdateAsync(setters => setters.SetProperty(p => p.Name, "Grace"));
            }

            person.Name = "Ada Lovelace";

            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.SaveChangesAsync());
        }
        finally
        {
            await stale.Database.EnsureDeletedAsync();
        }
    }

    [DatabaseFact]
    public async Task A_bulk_update_that_sets_Version_itself_is_left_as_written()
    {
        var connectionString = TestConnection.CreateUnique();
        await using var context = CreateContext(connectionString);
        await context.Database.EnsureCreatedAsync();
        try
        {
            var person = new Person { Name = "Ada" };
            context.Add(person);
            await context.SaveChangesAsync();

            await context.Set<Person>().Where(p => p.Id == person.Id).ExecuteUpdateAsync(setters => setters
                .SetProperty(p => p.Name, "Grace")
                .SetProperty(p => p.Version, p => p.Version + 10));

            Assert.Equal(person.Version + 10, await context.Set<Person>().Where(p => p.Id == person.Id).Select(p => p.Version).SingleAsync());
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    private static ConventionModelDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AcmeSalesDbContext>().UseAcmeSalesModel(connectionString, TimeProvider.System, AnonymousUser.Instance).Options);
}
