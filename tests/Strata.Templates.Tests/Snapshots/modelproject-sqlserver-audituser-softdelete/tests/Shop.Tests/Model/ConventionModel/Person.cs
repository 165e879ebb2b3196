using Shop.Common;

namespace Shop.Tests.Model.ConventionModel;

public sealed class Person : AuditableEntity
{
    public required string Name { get; set; }
}
