using Shop.Common;

namespace Shop.Entities;

/// <summary>
/// Map each property in <c>CategoryConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>CategoryValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
public class Category : AuditableEntity
{
    /// <summary>Required, at most 200 characters. Replace it if Categories have no natural name.</summary>
    public required string Name { get; set; }
}
