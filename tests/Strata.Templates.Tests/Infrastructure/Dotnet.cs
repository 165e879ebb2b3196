namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Runs the .NET CLI the way CI does: no first-run banners, English messages, and no build
/// servers left behind holding the output pipes open.
/// </summary>
public static class Dotnet
{
    /// <summary>Default limit for one CLI command (restore + build of a generated solution fits well inside).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The environment every CLI call gets, on top of the test process's own.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    /// <summary>
    /// The dotnet host running these tests (as the SDK reports it), so nested commands use the
    /// same SDK; falls back to the one on PATH.
    /// </summary>
    public static string HostPath { get; } =
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)
            ? hostPath
            : "dotnet";

    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.RunAsync(
            HostPath,
            arguments,
            workingDirectory,
            timeout ?? DefaultTimeout,
            Merge(Environment, environment));

    /// <summary><c>dotnet build -warnaserror --nologo [target]</c>; <paramref name="target"/> may be omitted to build the folder's project or solution.</summary>
    public static Task<ProcessResult> BuildAsync(string workingDirectory, string? target = null, params string[] extraArguments) =>
        RunAsync(workingDirectory, ["build", .. Optional(target), "-warnaserror", "--nologo", .. extraArguments]);

    /// <summary><c>dotnet test --nologo [target]</c>.</summary>
    public static Task<ProcessResult> TestAsync(string workingDirectory, string? target = null, params string[] extraArguments) =>
        RunAsync(workingDirectory, ["test", .. Optional(target), "--nologo", .. extraArguments]);

    /// <summary><c>dotnet format [target] --verify-no-changes</c>: fails when formatting would change a file.</summary>
    public static Task<ProcessResult> FormatVerifyNoChangesAsync(string workingDirectory, string? target = null) =>
        RunAsync(workingDirectory, ["format", .. Optional(target), "--verify-no-changes"]);

    private static string[] Optional(string? argument) => argument is null ? [] : [argument];

    private static Dictionary<string, string?> Merge(
        IReadOnlyDictionary<string, string?> defaults,
        IReadOnlyDictionary<string, string?>? overrides)
    {
        var merged = new Dictionary<string, string?>(defaults);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        return merged;
    }
}
