using Shop.Common;

namespace Shop.Entities;

public class Category : AuditableEntity
{
}
