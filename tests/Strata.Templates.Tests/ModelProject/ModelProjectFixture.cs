using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// One <c>dotnet new modelproject</c> instantiation shared by all tests of a class (an xunit class
/// fixture). It is created on first use, because the template hive it needs is a collection
/// fixture that class fixture constructors can't receive.
/// </summary>
public abstract class ModelProjectFixture(string name, string identifier, string snapshotName, params string[] options) : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Lazy<Task<GeneratedProject>>? _project;
    private Lazy<Task<ProcessResult>>? _pendingModelChanges;

    /// <summary>The <c>-n</c> value.</summary>
    public string Name { get; } = name;

    /// <summary>The C# identifier the template should derive from <see cref="Name"/>.</summary>
    public string Identifier { get; } = identifier;

    /// <summary>The approved snapshot's folder name under Snapshots/.</summary>
    public string SnapshotName { get; } = snapshotName;

    /// <summary>The template options after <c>-n</c>.</summary>
    public IReadOnlyList<string> Options { get; } = options;

    /// <summary>The hive the project was created from (set by the first <see cref="GetAsync"/>).</summary>
    protected TemplateHive? Hive { get; private set; }

    /// <summary>The generated project, created by the first call.</summary>
    public Task<GeneratedProject> GetAsync(TemplateHive hive)
    {
        lock (_gate)
        {
            Hive ??= hive;
            _project ??= new(() => GeneratedProject.CreateAsync(hive, Name, Identifier, [.. Options]));
            return _project.Value;
        }
    }

    /// <summary><c>dotnet ef migrations has-pending-model-changes</c>, run once.</summary>
    public Task<ProcessResult> PendingModelChangesAsync(TemplateHive hive) =>
        Once(ref _pendingModelChanges, async () =>
        {
            var project = await GetAsync(hive);
            return await project.EfAsync("migrations", "has-pending-model-changes");
        });

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs <paramref name="step"/> the first time and hands every caller the same task.</summary>
    protected Task<T> Once<T>(ref Lazy<Task<T>>? slot, Func<Task<T>> step)
    {
        lock (_gate)
        {
            slot ??= new(step);
            return slot.Value;
        }
    }
}
