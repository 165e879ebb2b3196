using Shop.Common;

namespace Shop.Tests.Model.ConventionModel;

/// <summary>The root of a table-per-hierarchy mapping: <see cref="Bus"/> and <see cref="Lorry"/> share its table.</summary>
public abstract class Vehicle : AuditableEntity
{
    public required string Registration { get; set; }
}
