using System.Diagnostics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// One per test run (collection fixture of <see cref="TemplateHiveCollection"/>): packs
/// Templates.csproj and installs the package into a private template hive, so tests drive the
/// real <c>dotnet new</c> engine without touching the user's installed templates.
/// </summary>
public sealed class TemplateHive : IAsyncLifetime
{
    /// <summary>Default limit for one <c>dotnet new</c> run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private readonly IMessageSink _diagnostics;
    private readonly TemporaryDirectories _temporaryDirectories;

    public TemplateHive(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
        _temporaryDirectories = new TemporaryDirectories("strata-tests-", diagnostics);
        PackageDirectory = Path.Combine(_temporaryDirectories.Root, "package");
        HiveDirectory = Path.Combine(_temporaryDirectories.Root, "hive");
    }

    /// <summary>Where <c>dotnet pack</c> wrote the template package.</summary>
    public string PackageDirectory { get; }

    /// <summary>The custom hive (<c>--debug:custom-hive</c>) the package is installed into.</summary>
    public string HiveDirectory { get; }

    /// <summary>The packed Strata.Templates .nupkg.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The output of the <c>dotnet new install</c> run, to assert on what it reported.</summary>
    public ProcessResult InstallResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var pack = await Dotnet.RunAsync(
            RepoPaths.Root,
            ["pack", RepoPaths.TemplatesProject, "-c", "Release", "-o", PackageDirectory, "--nologo"]);
        pack.EnsureSuccess();
        PackagePath = FindPackage();
        Log($"Packed {Path.GetFileName(PackagePath)} in {stopwatch.Elapsed.TotalSeconds:F1} s");

        stopwatch.Restart();
        InstallResult = await RunDotnetNewAsync(RepoPaths.Root, "install", PackagePath);
        InstallResult.EnsureSuccess();
        Log($"Installed it into {HiveDirectory} in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Runs <c>dotnet new &lt;arguments&gt; --debug:custom-hive &lt;hive&gt;</c> in
    /// <paramref name="workingDirectory"/>, with the default timeout. Pass <c>--allow-scripts yes</c>
    /// for templates with run-script post-actions: without it, and with no terminal, dotnet new
    /// waits at its prompt until the timeout kills it.
    /// </summary>
    public Task<ProcessResult> RunDotnetNewAsync(string workingDirectory, params string[] arguments) =>
        RunDotnetNewAsync(workingDirectory, DefaultTimeout, arguments);

    /// <inheritdoc cref="RunDotnetNewAsync(string, string[])"/>
    public Task<ProcessResult> RunDotnetNewAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Dotnet.RunAsync(workingDirectory, ["new", .. arguments, "--debug:custom-hive", HiveDirectory], timeout);

    /// <summary>A new empty folder outside the repository, removed with the fixture (see STRATA_KEEP_TEMP).</summary>
    public string CreateTempDirectory(string name = "work") => _temporaryDirectories.Create(name);

    public Task DisposeAsync()
    {
        _temporaryDirectories.Dispose();
        return Task.CompletedTask;
    }

    private string FindPackage()
    {
        var packages = Directory.GetFiles(PackageDirectory, "Strata.Templates.*.nupkg");
        return packages.Length == 1
            ? packages[0]
            : throw new InvalidOperationException(
                $"Expected one Strata.Templates .nupkg in {PackageDirectory}, found {packages.Length}: {string.Join(", ", packages)}");
    }

    private void Log(string message) => _diagnostics.OnMessage(new DiagnosticMessage(message));
}
