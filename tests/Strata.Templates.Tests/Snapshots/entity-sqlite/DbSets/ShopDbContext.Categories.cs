using Microsoft.EntityFrameworkCore;
using Shop.Entities;

namespace Shop;

public partial class ShopDbContext
{
    public DbSet<Category> Categories => Set<Category>();
}
