using System.Globalization;
using System.Reflection;
using Shop.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Infrastructure;

/// <summary>One scope applied to one entity, e.g. <c>ProductQueries.WithSku</c> or <c>AuditableQueries.CreatedSince&lt;Product&gt;</c>.</summary>
/// <param name="Name">How tests and their failures name it.</param>
/// <param name="Method">The extension method, closed over the entity's type when it is generic.</param>
/// <param name="Entity">The entity it queries.</param>
public sealed record Scope(string Name, MethodInfo Method, IEntityType Entity)
{
    /// <summary>
    /// The scope applied to the entity's <c>DbSet</c> in <paramref name="context"/>, with an argument of each parameter's
    /// type: <paramref name="time"/> for a time (and in a cursor), 1 for a number (a key, a page size), "T1" for text,
    /// the first member of an enum. The plan and the SQL depend on the columns a scope uses, not on these values.
    /// </summary>
    public IQueryable ApplyTo(DbContext context, DateTime time)
    {
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(Entity.ClrType).Invoke(context, null)!;
        var arguments = Method.GetParameters().Skip(1).Select(parameter => ArgumentOf(parameter.ParameterType, time));
        return (IQueryable)Method.Invoke(null, [set, .. arguments])!;
    }

    public override string ToString() => Name;

    private static object? ArgumentOf(Type type, DateTime time)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(PageCursor) => Activator.CreateInstance(type, time, ArgumentOf(type.GetProperty(nameof(PageCursor.Id))!.PropertyType, time)),
            _ when type == typeof(DateTime) => time,
            _ when type == typeof(string) => "T1",
            _ when type == typeof(byte[]) => new byte[] { 1 },
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(time),
            _ when type == typeof(TimeOnly) => new TimeOnly(12, 0),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type.IsPrimitive || type == typeof(decimal) => Convert.ChangeType(1, type, CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException($"No test argument for a scope parameter of type {type.Name}; add one in Scope.ArgumentOf."),
        };
    }
}
