namespace Strata.Tool.Project;

/// <summary>A type found in the model project: its file, namespace and the names in its base list.</summary>
internal sealed record EntityClass(string Name, string File, bool IsClass, string Namespace, IReadOnlyList<string> BaseTypes);
