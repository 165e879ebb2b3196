namespace Strata.Benchmarks.Runtime;

/// <summary>One way of writing the benchmark rows (plain, or through the template's DbContext).</summary>
public interface IRowWorkload : IDisposable
{
    void Insert();

    void LoadForUpdate();

    void Update();
}
