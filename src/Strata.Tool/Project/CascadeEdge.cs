namespace Strata.Tool.Project;

/// <summary>
/// A foreign key whose delete rule acts in the database (CASCADE or SET NULL): deleting a <paramref name="Principal"/>
/// row changes <paramref name="Dependent"/> rows.
/// </summary>
/// <param name="Principal">The referenced entity, e.g. <c>Supplier</c>.</param>
/// <param name="Dependent">The entity holding the foreign key, e.g. <c>Product</c>.</param>
/// <param name="Navigation">The foreign key's navigation as <c>Product.Supplier</c>, for messages.</param>
/// <param name="Fix">For a key this run adds: what to write instead (<c>B:references:restrict</c>); null for an existing one.</param>
internal sealed record CascadeEdge(string Principal, string Dependent, string Navigation, string? Fix = null);
