using Shop.Common;

namespace Shop.Entities;

/// <summary>
/// Map each property in <c>CustomerConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>CustomerValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
public class Customer : AuditableEntity
{
    /// <summary>Required, at most 200 characters. Replace it if Customers have no natural name.</summary>
    public required string Name { get; set; }
}
