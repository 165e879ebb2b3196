using Shop.Common;

namespace Shop.Tests.Model.ConventionModel;

/// <summary>The root of a table-per-type hierarchy: <see cref="Dog"/> and <see cref="Cat"/> get tables of their own.</summary>
public abstract class Animal : AuditableEntity
{
    public required string Name { get; set; }
}
