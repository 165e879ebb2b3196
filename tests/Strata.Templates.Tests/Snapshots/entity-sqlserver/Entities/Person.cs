using Shop.Common;

namespace Shop.Entities;

public class Person : AuditableEntity
{
}
