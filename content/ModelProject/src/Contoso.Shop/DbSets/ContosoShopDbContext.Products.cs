using Contoso.Shop.Entities;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop;

public partial class ContosoShopDbContext
{
    public DbSet<Product> Products => Set<Product>();
}
