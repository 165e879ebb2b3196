namespace Strata.Tool;

/// <summary>
/// Bad input from the user: reported as one <c>error:</c> line that names the problem and the fix,
/// exit code 2, nothing written.
/// </summary>
internal sealed class InputException(string message) : Exception(message);
