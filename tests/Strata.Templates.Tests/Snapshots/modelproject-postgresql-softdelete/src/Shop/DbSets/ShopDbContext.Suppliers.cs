using Shop.Entities;
using Microsoft.EntityFrameworkCore;

namespace Shop;

public partial class ShopDbContext
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
}
