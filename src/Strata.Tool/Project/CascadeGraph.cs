using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Strata.Tool.Project;

/// <summary>
/// The foreign keys of a model whose delete rule acts in the database (CASCADE, SET NULL), read from the
/// configurations' <c>OnDelete</c> calls. SQL Server refuses a foreign key that makes a cycle of them or a second
/// path between two tables (error 1785), but only when the migration runs; <see cref="FindConflict"/> says so first.
/// Keys without <c>OnDelete</c> are Restrict (the project's RestrictDeleteConvention) and take no part.
/// </summary>
internal sealed class CascadeGraph
{
    private readonly List<CascadeEdge> _edges = [];

    public IReadOnlyList<CascadeEdge> Edges => _edges;

    public void Add(CascadeEdge edge) => _edges.Add(edge);

    /// <summary>Reads every <c>OnDelete(DeleteBehavior.Cascade | SetNull)</c> of the project's configurations.</summary>
    public static CascadeGraph Read(ModelProject project)
    {
        var graph = new CascadeGraph();
        foreach (var file in project.SourceFiles)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("OnDelete(", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
            foreach (var onDelete in root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(call => MethodName(call) == "OnDelete"))
            {
                if (onDelete.ArgumentList.Arguments.FirstOrDefault()?.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Cascade" or "SetNull" })
                {
                    continue;
                }

                if (Edge(project, onDelete) is { } edge)
                {
                    graph.Add(edge);
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The first cycle, or two paths from one entity to another, that uses an edge with a <see cref="CascadeEdge.Fix"/>
    /// (one this run adds), as a one-line explanation with the fix; null when SQL Server accepts the model.
    /// </summary>
    public string? FindConflict()
    {
        var added = _edges.Where(edge => edge.Fix is not null).ToList();
        foreach (var edge in added)
        {
            // A cycle through the new key: a path back from its dependent to its principal.
            var back = edge.Principal == edge.Dependent ? [] : Paths(edge.Dependent, edge.Principal).FirstOrDefault();
            if (back is not null)
            {
                List<CascadeEdge> cycle = [edge, .. back];
                return $"on SQL Server deleting {Article(edge.Principal)} would cascade round a cycle ({Describe(cycle)}), which SQL Server refuses (error 1785); write {edge.Fix} instead.";
            }
        }

        var nodes = _edges.Select(edge => edge.Principal).Distinct().ToList();
        foreach (var start in nodes)
        {
            var byEnd = AllPaths(start).GroupBy(path => path[^1].Dependent);
            foreach (var group in byEnd)
            {
                var paths = group.ToList();
                var withNew = paths.FirstOrDefault(path => path.Any(edge => edge.Fix is not null));
                if (paths.Count < 2 || withNew is null)
                {
                    continue;
                }

                var other = paths.First(path => path != withNew);
                var fix = withNew.First(edge => edge.Fix is not null).Fix;
                return $"on SQL Server deleting {Article(start)} would reach {group.Key} along two cascade paths ({Describe(withNew)} and {Describe(other)}), which SQL Server refuses (error 1785); make one of them restrict, e.g. write {fix}.";
            }
        }

        return null;
    }

    /// <summary><c>Area → Bay.Area → Drum.Bay</c>: the start, then each foreign key the delete follows.</summary>
    private static string Describe(IReadOnlyList<CascadeEdge> path) =>
        string.Join(" → ", [path[0].Principal, .. path.Select(edge => edge.Navigation)]);

    private static string Article(string entity) => ("AEIOU".Contains(entity[0], StringComparison.Ordinal) ? "an " : "a ") + entity;

    /// <summary>Every path of edges from <paramref name="from"/> to <paramref name="to"/> (no edge twice).</summary>
    private IEnumerable<List<CascadeEdge>> Paths(string from, string to) =>
        AllPaths(from).Where(path => path[^1].Dependent == to);

    private IEnumerable<List<CascadeEdge>> AllPaths(string from)
    {
        var stack = new Stack<List<CascadeEdge>>();
        foreach (var edge in _edges.Where(edge => edge.Principal == from))
        {
            stack.Push([edge]);
        }

        while (stack.Count > 0)
        {
            var path = stack.Pop();
            yield return path;
            foreach (var next in _edges.Where(edge => edge.Principal == path[^1].Dependent && !path.Contains(edge)))
            {
                stack.Push([.. path, next]);
            }
        }
    }

    /// <summary>The edge of one <c>...OnDelete(...)</c> chain: <c>HasOne(x => x.Nav)</c>, <c>HasOne&lt;T&gt;()</c>, <c>HasMany(x => x.Items).WithOne()</c>.</summary>
    private static CascadeEdge? Edge(ModelProject project, InvocationExpressionSyntax onDelete)
    {
        var calls = new List<InvocationExpressionSyntax>();
        for (ExpressionSyntax? current = onDelete; current is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax access; current = access.Expression)
        {
            calls.Add(call);
        }

        var builderType = BuilderType(onDelete);
        if (builderType is null)
        {
            return null;
        }

        var hasOne = calls.FirstOrDefault(call => MethodName(call) == "HasOne");
        var hasMany = calls.FirstOrDefault(call => MethodName(call) == "HasMany");
        var foreignKeyType = calls.Where(call => MethodName(call) == "HasForeignKey").Select(GenericArgument).FirstOrDefault(type => type is not null);
        if (hasOne is not null)
        {
            var navigation = NavigationName(hasOne);
            var principal = GenericArgument(hasOne) ?? (navigation is null ? null : PropertyType(project, builderType, navigation));
            if (principal is null)
            {
                return null;
            }

            // HasOne(...).WithOne(...).HasForeignKey<T>: the key may sit on either side.
            var (from, to) = foreignKeyType == principal ? (builderType, principal) : (principal, builderType);
            return new CascadeEdge(from, to, $"{builderType}.{navigation ?? principal}");
        }

        if (hasMany is not null && NavigationName(hasMany) is { } collection && PropertyType(project, builderType, collection) is { } dependent)
        {
            return new CascadeEdge(builderType, dependent, $"{builderType}.{collection}");
        }

        return null;
    }

    /// <summary>The entity a chain configures: <c>UsingEntity&lt;T&gt;(link => ...)</c>, <c>Entity&lt;T&gt;()</c>, or the configuration's T.</summary>
    private static string? BuilderType(InvocationExpressionSyntax chain)
    {
        foreach (var ancestor in chain.Ancestors())
        {
            if (ancestor is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "UsingEntity" } generic } } usingEntity
                && chain.Ancestors().Any(node => node is LambdaExpressionSyntax lambda && lambda.Parent?.Parent == usingEntity.ArgumentList))
            {
                return generic.TypeArgumentList.Arguments[0].ToString();
            }

            if (ancestor is ClassDeclarationSyntax type)
            {
                var configured = type.BaseList?.Types.Select(baseType => baseType.Type)
                    .OfType<GenericNameSyntax>()
                    .FirstOrDefault(name => name.Identifier.ValueText == "IEntityTypeConfiguration");
                if (configured is not null)
                {
                    return configured.TypeArgumentList.Arguments[0].ToString();
                }
            }
        }

        var root = chain.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(call => call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entity" } });
        return root is not null ? GenericArgument(root) : null;
    }

    private static string? MethodName(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    private static string? GenericArgument(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } && generic.TypeArgumentList.Arguments.Count == 1
            ? generic.TypeArgumentList.Arguments[0].ToString()
            : null;

    /// <summary><c>HasOne(product => product.Supplier)</c> → <c>Supplier</c>.</summary>
    private static string? NavigationName(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax member }
            ? member.Name.Identifier.ValueText
            : null;

    /// <summary>The type of a property of an entity class (<c>Supplier?</c> → <c>Supplier</c>, <c>ICollection&lt;Product&gt;</c> → <c>Product</c>).</summary>
    private static string? PropertyType(ModelProject project, string entity, string property)
    {
        var type = project.FindClass(entity);
        if (type is null)
        {
            return null;
        }

        var declaration = CSharpSyntaxTree.ParseText(File.ReadAllText(type.File)).GetCompilationUnitRoot()
            .DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.ValueText == entity)?
            .Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.ValueText == property);
        var propertyType = declaration?.Type;
        if (propertyType is NullableTypeSyntax nullable)
        {
            propertyType = nullable.ElementType;
        }

        return propertyType switch
        {
            GenericNameSyntax generic => generic.TypeArgumentList.Arguments[0].ToString(),
            null => null,
            _ => propertyType.ToString().Split('.')[^1],
        };
    }
}
