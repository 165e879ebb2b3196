using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Acme.Sales.Common.Concurrency;

/// <summary>
/// SQLite has no rowversion: <see cref="BaseEntity.Version"/> is an ordinary column that the auditing
/// interceptor increments on every <c>SaveChanges</c>. A bulk <c>ExecuteUpdate</c> bypasses
/// <c>SaveChanges</c>, so without this interceptor a copy of the row loaded before the bulk update
/// would still match its <c>Version</c> and a later save of it would silently overwrite the bulk change.
/// This adds <c>Version = Version + 1</c> to every <c>ExecuteUpdate</c> of an entity that does not set
/// <c>Version</c> itself. Raw SQL (<c>ExecuteSql</c>) is not rewritten: an UPDATE written by hand, or
/// by another application, must increment <c>Version</c> itself.
/// </summary>
public sealed class ExecuteUpdateVersionInterceptor : IQueryExpressionInterceptor
{
    // Runs when a query is compiled, not on every execution: the rewritten query is cached with the original.
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        queryExpression is MethodCallExpression
        {
            Method: { Name: nameof(EntityFrameworkQueryableExtensions.ExecuteUpdate), IsGenericMethod: true } method,
            Arguments: [var source, NewArrayExpression { Expressions: [NewExpression firstSetter, ..] } setters],
        } call
        && method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
        && method.GetGenericArguments()[0] is var entityType
        && entityType.IsAssignableTo(typeof(BaseEntity))
        && !setters.Expressions.Any(SetsVersion)
            ? call.Update(call.Object, [source, setters.Update([.. setters.Expressions, IncrementVersion(entityType, firstSetter)])])
            : queryExpression;

    /// <summary>Whether a setter, a (property, value) pair, targets <c>Version</c>.</summary>
    private static bool SetsVersion(Expression setter) =>
        setter is NewExpression { Arguments: [LambdaExpression { Body: var property }, ..] }
        && StripConvert(property) is MemberExpression { Member.Name: nameof(BaseEntity.Version) };

    /// <summary>The setter <c>(entity => entity.Version, entity => entity.Version + 1)</c>, shaped like the caller's setters.</summary>
    private static NewExpression IncrementVersion(Type entityType, NewExpression shape)
    {
        var entity = Expression.Parameter(entityType, "entity");
        var version = Expression.Property(entity, nameof(BaseEntity.Version));
        return Expression.New(
            shape.Constructor!,
            Expression.Lambda(version, entity),
            Expression.Lambda(Expression.Add(version, Expression.Constant(1L, version.Type)), entity));
    }

    private static Expression StripConvert(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? StripConvert(convert.Operand) : expression;
}
