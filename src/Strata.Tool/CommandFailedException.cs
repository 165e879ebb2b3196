namespace Strata.Tool;

/// <summary>A step after validation failed (build, dotnet ef): the project was restored; exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
