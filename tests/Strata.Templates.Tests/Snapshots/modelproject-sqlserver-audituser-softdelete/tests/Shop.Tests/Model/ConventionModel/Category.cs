using Shop.Common;

namespace Shop.Tests.Model.ConventionModel;

public sealed class Category : AuditableEntity
{
    public required string Name { get; set; }
}
