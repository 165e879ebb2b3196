using System.Diagnostics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// One per test run (collection fixture of <see cref="TemplateHiveCollection"/>): packs
/// Templates.sln (the template package and the <c>dotnet strata</c> tool package) and installs the
/// templates into a private template hive, so tests drive the real <c>dotnet new</c> engine without
/// touching the user's installed templates. Every command run on a generated project goes through
/// <see cref="RunDotnetAsync"/>: a private NuGet packages folder and CLI home, so <c>dotnet tool restore</c>
/// installs and runs the tool just packed, never an older build of the same version.
/// </summary>
public sealed class TemplateHive : IAsyncLifetime
{
    /// <summary>Default limit for one <c>dotnet new</c> run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private readonly IMessageSink _diagnostics;
    private readonly TemporaryDirectories _temporaryDirectories;
    private readonly Dictionary<string, Lazy<Task>> _shared = new(StringComparer.Ordinal);
    private readonly List<IAsyncDisposable> _disposeWithHive = [];

    public TemplateHive(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
        _temporaryDirectories = new TemporaryDirectories("strata-tests-", diagnostics);
        PackageDirectory = Path.Combine(_temporaryDirectories.Root, "package");
        HiveDirectory = Path.Combine(_temporaryDirectories.Root, "hive");
        NuGetPackagesDirectory = Path.Combine(_temporaryDirectories.Root, "nuget-packages");
        CliHomeDirectory = Path.Combine(_temporaryDirectories.Root, "cli-home");
        Environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = NuGetPackagesDirectory,
            ["DOTNET_CLI_HOME"] = CliHomeDirectory,
        };
    }

    /// <summary>Where <c>dotnet pack</c> wrote the two packages: the local feed tools are restored from.</summary>
    public string PackageDirectory { get; }

    /// <summary>
    /// The NuGet global packages folder of every command on a generated project (NUGET_PACKAGES).
    /// NuGet serves a package version it already holds from that folder: with the shared
    /// ~/.nuget/packages, re-packing Strata.Tool 0.1.0 and restoring it would run an older build.
    /// A private folder costs a few seconds of package extraction per run.
    /// </summary>
    public string NuGetPackagesDirectory { get; }

    /// <summary>
    /// The CLI's home (DOTNET_CLI_HOME) for every command on a generated project. <c>dotnet tool restore</c>
    /// records where each local tool lives in &lt;home&gt;/.dotnet/toolResolverCache and skips a tool whose
    /// recorded copy still exists, wherever an earlier restore (another clone, another test run) put it:
    /// with the shared home, the tests could run a stale dotnet-strata despite the private packages folder.
    /// </summary>
    public string CliHomeDirectory { get; }

    /// <summary>The variables every command on a generated project gets (the private packages folder and CLI home).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>
    /// NuGet.config at the root of every folder the tests generate projects in, adding <see cref="PackageDirectory"/>
    /// as a package source: <c>dotnet new modelproject</c>'s post-action runs a plain <c>dotnet tool restore</c>
    /// (no <c>--add-source</c>), which must find the Strata.Tool just packed, as a user's finds it on the feed.
    /// </summary>
    public string NuGetConfigPath => Path.Combine(_temporaryDirectories.Root, "NuGet.config");

    /// <summary>The custom hive (<c>--debug:custom-hive</c>) the package is installed into.</summary>
    public string HiveDirectory { get; }

    /// <summary>The packed Strata.Templates .nupkg.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The packed Strata.Tool .nupkg (the <c>dotnet strata</c> tool).</summary>
    public string ToolPackagePath { get; private set; } = "";

    /// <summary>The output of <c>dotnet pack Templates.sln</c>.</summary>
    public ProcessResult PackResult { get; private set; } = null!;

    /// <summary>The output of the <c>dotnet new install</c> run, to assert on what it reported.</summary>
    public ProcessResult InstallResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        // The repository's own build keeps the shared packages folder (a private one would make
        // this restore rewrite the test project's assets file and rebuild it while it runs).
        PackResult = await Dotnet.RunAsync(
            RepoPaths.Root,
            ["pack", RepoPaths.Solution, "-c", "Release", "-o", PackageDirectory, "--nologo"]);
        PackResult.EnsureSuccess();
        PackagePath = FindPackage("Strata.Templates");
        ToolPackagePath = FindPackage("Strata.Tool");
        Log($"Packed {Path.GetFileName(PackagePath)} and {Path.GetFileName(ToolPackagePath)} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        WriteNuGetConfig();

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
        RunDotnetAsync(workingDirectory, ["new", .. arguments, "--debug:custom-hive", HiveDirectory], timeout);

    /// <summary>
    /// Runs <c>dotnet &lt;arguments&gt;</c> on a generated project with <see cref="Environment"/> (the
    /// private packages folder) plus <paramref name="environment"/>.
    /// </summary>
    public Task<ProcessResult> RunDotnetAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var merged = new Dictionary<string, string?>(Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        return Dotnet.RunAsync(workingDirectory, arguments, timeout, merged);
    }

    /// <summary>
    /// <c>dotnet tool restore --add-source &lt;package folder&gt;</c> in <paramref name="workingDirectory"/>:
    /// dotnet-ef from the feed and dotnet-strata from the folder the tests packed it into, as the
    /// quick start does.
    /// </summary>
    public Task<ProcessResult> RestoreToolsAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunDotnetAsync(workingDirectory, ["tool", "restore", "--add-source", PackageDirectory], environment: environment);

    /// <summary>
    /// Runs <paramref name="create"/> the first time <paramref name="key"/> is asked for and hands every caller, in any
    /// test class, the same task: e.g. one <c>dotnet new modelproject</c> per name and options for the whole run.
    /// </summary>
    public Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(key, out var step))
            {
                step = new Lazy<Task>(() => create());
                _shared[key] = step;
            }

            return (Task<T>)step.Value;
        }
    }

    /// <summary>Disposes <paramref name="resource"/> (e.g. a database a shared project was migrated into) with the hive.</summary>
    public void DisposeWithHive(IAsyncDisposable resource)
    {
        lock (_disposeWithHive)
        {
            _disposeWithHive.Add(resource);
        }
    }

    /// <summary>A new empty folder outside the repository, removed with the fixture (see STRATA_KEEP_TEMP).</summary>
    public string CreateTempDirectory(string name = "work") => _temporaryDirectories.Create(name);

    public async Task DisposeAsync()
    {
        foreach (var resource in _disposeWithHive)
        {
            await resource.DisposeAsync();
        }

        _temporaryDirectories.Dispose();
    }

    /// <summary>Writes <see cref="NuGetConfigPath"/>: the sources of the user's own configuration, plus the packed folder.</summary>
    private void WriteNuGetConfig() =>
        File.WriteAllText(
            NuGetConfigPath,
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="strata-tests-packed" value="{System.Security.SecurityElement.Escape(PackageDirectory)}" />
              </packageSources>
            </configuration>

            """);

    /// <summary>The one <c>&lt;id&gt;.&lt;version&gt;.nupkg</c> of package <paramref name="id"/> (a version starts with a digit).</summary>
    private string FindPackage(string id)
    {
        var packages = Directory.GetFiles(PackageDirectory, $"{id}.*.nupkg")
            .Where(path => Path.GetFileName(path)[(id.Length + 1)..] is [>= '0' and <= '9', ..])
            .ToList();
        return packages.Count == 1
            ? packages[0]
            : throw new InvalidOperationException(
                $"Expected one {id} .nupkg in {PackageDirectory}, found {packages.Count}: {string.Join(", ", packages)}\n{PackResult.Describe()}");
    }

    private void Log(string message) => _diagnostics.OnMessage(new DiagnosticMessage(message));
}
