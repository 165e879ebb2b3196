using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// One <c>dotnet new modelproject</c> instantiation for the tests of a class (an xunit class fixture), the
/// same one every other class asking for this name and these options gets (<see cref="GeneratedProject.SharedAsync"/>:
/// the option matrix reuses it). It is created on first use, because the template hive it needs is a collection
/// fixture that class fixture constructors can't receive.
/// </summary>
public abstract class ModelProjectFixture(string name, string identifier, string snapshotName, params string[] options)
{
    /// <summary>The <c>-n</c> value.</summary>
    public string Name { get; } = name;

    /// <summary>The C# identifier the template should derive from <see cref="Name"/>.</summary>
    public string Identifier { get; } = identifier;

    /// <summary>The approved snapshot's folder name under Snapshots/.</summary>
    public string SnapshotName { get; } = snapshotName;

    /// <summary>The template options after <c>-n</c>.</summary>
    public IReadOnlyList<string> Options { get; } = options;

    /// <summary>The generated project, created by the first call (in this class or any other) for its name and options.</summary>
    public Task<GeneratedProject> GetAsync(TemplateHive hive) => GeneratedProject.SharedAsync(hive, Name, Identifier, Options);

    /// <summary><c>dotnet ef migrations has-pending-model-changes</c>, run once.</summary>
    public async Task<ProcessResult> PendingModelChangesAsync(TemplateHive hive) => await (await GetAsync(hive)).PendingModelChangesAsync();
}
