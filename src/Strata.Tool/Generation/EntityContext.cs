namespace Strata.Tool.Generation;

/// <summary>What field code needs to know about the entity it is written into.</summary>
/// <param name="Name">The entity class, e.g. <c>OrderLine</c>.</param>
/// <param name="Plural">Its plural (DbSet, table, inverse collections), e.g. <c>OrderLines</c>.</param>
/// <param name="Variable">The lambda variable of its configuration and validator, e.g. <c>orderLine</c>.</param>
/// <param name="DbContext">The project's DbContext class (for <c>DefaultMaxLength</c>).</param>
/// <param name="KeyType">The type of every entity's key and foreign key: <c>int</c>, <c>long</c> or <c>Guid</c> (the project's StrataIdType).</param>
internal sealed record EntityContext(string Name, string Plural, string Variable, string DbContext, string KeyType);
