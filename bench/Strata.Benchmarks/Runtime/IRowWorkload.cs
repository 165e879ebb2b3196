namespace Strata.Benchmarks.Runtime;

/// <summary>One way of writing the benchmark rows (plain, or through the template's DbContext).</summary>
public interface IRowWorkload : IDisposable
{
    void Insert();

    void InsertBatch(int batch);

    void LoadForUpdate();

    void Update();

    void UpdateBatch(int batch);

    void ReleaseTracked();
}
