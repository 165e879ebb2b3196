using Acme.Sales.Common;

namespace Acme.Sales.Tests.Model.ConventionModel;

public sealed class Category : AuditableEntity
{
    public required string Name { get; set; }
}
