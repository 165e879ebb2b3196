using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Base of the class fixtures that take one generated project through steps (create, build, format, ef, its tests):
/// each step runs at most once and every test of the class awaits the same task, so the tests can run in any order;
/// the time of each step goes to the test log when the fixture is disposed.
/// </summary>
public abstract class ProjectStepsFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _timings = new();

    /// <summary><c>dotnet build -warnaserror</c> of the project's solution (run once).</summary>
    public abstract Task<ProcessResult> BuildAsync(TemplateHive hive);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        if (_timings.Length > 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"{GetType().Name} timings:\n{_timings}"));
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="step"/> the first time and hands every caller the same task.</summary>
    protected Task<T> Once<T>(ref Lazy<Task<T>>? slot, Func<Task<T>> step)
    {
        lock (_gate)
        {
            slot ??= new(step);
            return slot.Value;
        }
    }

    protected void Log(string line)
    {
        lock (_gate)
        {
            _timings.AppendLine("  " + line);
        }
    }

    /// <summary>Waits for the build and throws, with its output, when a step that needs it can't run.</summary>
    protected async Task RequireBuildAsync(TemplateHive hive)
    {
        var build = await BuildAsync(hive);
        if (!build.Succeeded)
        {
            throw new InvalidOperationException($"Prerequisite `dotnet build -warnaserror` failed, so this step could not run:\n{build.Describe()}");
        }
    }

    protected async Task<ProcessResult> TimedAsync(string label, Func<Task<ProcessResult>> step)
    {
        var result = await step();
        Log($"{label}: {result.Duration.TotalSeconds:F1} s (exit {result.ExitCode})");
        return result;
    }
}
