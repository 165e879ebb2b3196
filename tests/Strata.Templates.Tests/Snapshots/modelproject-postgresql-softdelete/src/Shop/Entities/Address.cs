namespace Shop.Entities;

/// <summary>
/// A value object stored in its owner's table (columns <c>Address_Street</c>, <c>Address_City</c>, …)
/// rather than in a table of its own: an address has no identity and is never shared.
/// </summary>
public sealed record Address
{
    public required string Street { get; init; }

    public required string City { get; init; }

    public required string PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. <c>NL</c>.</summary>
    public required string CountryCode { get; init; }
}
