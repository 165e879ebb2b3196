using System.Reflection;
using System.Runtime.CompilerServices;
using Shop.Queries;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// Every scope of the model, found by reflection: the public <c>IQueryable&lt;T&gt;</c> extension methods of the static
/// classes in the <c>Queries</c> namespace (and below it). A generic one (<see cref="AuditableQueries"/>) counts once
/// for each entity its constraints accept. A scope added by hand or by <c>dotnet strata</c> is picked up here.
/// </summary>
public static class ScopeCatalog
{
    private static readonly Lazy<IReadOnlyList<Scope>> LazyScopes = new(Discover);

    public static IReadOnlyList<Scope> Scopes => LazyScopes.Value;

    /// <summary>The scope names as xunit theory data.</summary>
    public static TheoryData<string> ScopeNames => ModelCatalog.Data(Scopes.Select(scope => scope.Name));

    public static Scope Find(string name) =>
        Scopes.SingleOrDefault(scope => scope.Name == name)
        ?? throw new ArgumentException($"No scope named '{name}' in the model.", nameof(name));

    private static List<Scope> Discover()
    {
        var queriesNamespace = typeof(AuditableQueries).Namespace!;
        var methods = typeof(AuditableQueries).Assembly.GetExportedTypes()
            .Where(type => type.IsAbstract && type.IsSealed && type.Namespace is { } ns && (ns == queriesNamespace || ns.StartsWith(queriesNamespace + ".", StringComparison.Ordinal)))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(IsScope);

        var scopes = new List<Scope>();
        foreach (var method in methods)
        {
            var source = method.GetParameters()[0].ParameterType.GetGenericArguments()[0];
            if (!method.IsGenericMethodDefinition)
            {
                var entity = ModelCatalog.Entities.SingleOrDefault(type => type.ClrType == source)
                    ?? throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} queries {source.Name}, which is not an entity of the model.");
                scopes.Add(new Scope($"{method.DeclaringType!.Name}.{method.Name}", method, entity));
                continue;
            }

            foreach (var entity in ModelCatalog.Entities)
            {
                if (Close(method, entity.ClrType) is { } closed)
                {
                    scopes.Add(new Scope($"{method.DeclaringType!.Name}.{method.Name}<{entity.ClrType.Name}>", closed, entity));
                }
            }
        }

        return [.. scopes.OrderBy(scope => scope.Name, StringComparer.Ordinal)];
    }

    /// <summary>A public extension method that takes an <c>IQueryable&lt;T&gt;</c> and returns one.</summary>
    private static bool IsScope(MethodInfo method) =>
        method.IsDefined(typeof(ExtensionAttribute))
        && method.GetParameters() is [{ ParameterType: { IsGenericType: true } source }, ..]
        && source.GetGenericTypeDefinition() == typeof(IQueryable<>)
        && method.ReturnType.IsAssignableTo(typeof(IQueryable))
        && (!method.IsGenericMethodDefinition || method.GetGenericArguments().Length == 1);

    /// <summary>The generic method closed over <paramref name="entityType"/>, or null where its constraints refuse the type.</summary>
    private static MethodInfo? Close(MethodInfo method, Type entityType)
    {
        try
        {
            return method.MakeGenericMethod(entityType);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
