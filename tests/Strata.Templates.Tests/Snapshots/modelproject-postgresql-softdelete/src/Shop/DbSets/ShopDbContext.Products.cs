using Shop.Entities;
using Microsoft.EntityFrameworkCore;

namespace Shop;

public partial class ShopDbContext
{
    public DbSet<Product> Products => Set<Product>();
}
