namespace Strata.Tool.Project;

/// <summary>A type found in the model project: its file and namespace.</summary>
internal sealed record EntityClass(string Name, string File, bool IsClass, string Namespace);
