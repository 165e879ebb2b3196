#if (entitiesUsingBeforeMicrosoft)
using Contoso.Shop.Entities.StrataFolder;
using Microsoft.EntityFrameworkCore;
#else
using Microsoft.EntityFrameworkCore;
using Contoso.Shop.Entities.StrataFolder;
#endif

namespace Contoso.Shop;

public partial class ContosoShopDbContext
{
    public DbSet<StrataEntity> StrataEntities => Set<StrataEntity>();
}
