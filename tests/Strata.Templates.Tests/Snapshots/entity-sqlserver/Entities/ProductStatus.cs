namespace Shop.Entities;

/// <summary>Stored as its name (<c>'Draft'</c>, …), and a CHECK constraint allows only these names.</summary>
public enum ProductStatus
{
    Draft,
    Active,
    Retired,
}
