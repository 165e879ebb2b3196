using Microsoft.EntityFrameworkCore;
using Shop.Entities;

namespace Shop;

public partial class ShopDbContext
{
    public DbSet<Passport> Passports => Set<Passport>();
}
