using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Scratch folders under one root outside the repository (so no Directory.Build.props,
/// .editorconfig or global.json of ours reaches what is generated there). The root is deleted
/// on dispose unless STRATA_KEEP_TEMP=1, in which case its path is logged.
/// </summary>
public sealed class TemporaryDirectories : IDisposable
{
    public const string KeepVariable = "STRATA_KEEP_TEMP";

    private readonly IMessageSink _diagnostics;
    private int _counter;

    public TemporaryDirectories(string prefix, IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder holding every directory this instance creates.</summary>
    public string Root { get; }

    /// <summary>True when STRATA_KEEP_TEMP=1: temporary folders survive the run for inspection.</summary>
    public static bool KeepRequested => Environment.GetEnvironmentVariable(KeepVariable) == "1";

    /// <summary>Creates a new, empty folder named <c>&lt;name&gt;-&lt;n&gt;</c> under <see cref="Root"/>.</summary>
    public string Create(string name = "work")
    {
        var path = Path.Combine(Root, $"{name}-{Interlocked.Increment(ref _counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (KeepRequested)
        {
            _diagnostics.OnMessage(new DiagnosticMessage($"{KeepVariable}=1: keeping temporary files in {Root}"));
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _diagnostics.OnMessage(new DiagnosticMessage($"Could not delete {Root}: {exception.Message}"));
        }
    }
}
