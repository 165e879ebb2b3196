using Shop.Common;

namespace Shop.Entities;

/// <summary>
/// Map each property in <c>PersonConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>PersonValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
public class Person : AuditableEntity
{
    /// <summary>Required, at most 200 characters. Replace it if People have no natural name.</summary>
    public required string Name { get; set; }
}
