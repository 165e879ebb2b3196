using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Acme.Sales.Tests.Infrastructure;

/// <summary>One scope applied to one entity, e.g. <c>ProductQueries.WithSku</c> or <c>AuditableQueries.CreatedSince&lt;Product&gt;</c>.</summary>
/// <param name="Name">How tests and their failures name it.</param>
/// <param name="Method">The extension method, closed over the entity's type when it is generic.</param>
/// <param name="Entity">The entity it queries.</param>
public sealed record Scope(string Name, MethodInfo Method, IEntityType Entity)
{
    public override string ToString() => Name;
}
