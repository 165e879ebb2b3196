using BenchmarkDotNet.Attributes;

namespace Strata.Benchmarks.ModelBuilding;

/// <summary>
/// Building the 200-entity model and running a first query, warm (in-process, JIT done): each
/// invocation gets a new EF internal service provider, so the model is built from scratch.
/// The cold-start figure (new process each time) comes from <see cref="StartupProbe"/>.
/// </summary>
[Config(typeof(RuntimeConfig))]
public class ModelBuildingBenchmarks
{
    [GlobalSetup]
    public void GlobalSetup() => WideModel.EnsureDatabases();

    [Benchmark(Baseline = true)]
    public int WithoutConventions() => WideModel.FirstQuery(ModelVariant.Plain, freshModel: true);

    [Benchmark]
    public int WithConventions() => WideModel.FirstQuery(ModelVariant.Conventions, freshModel: true);

    [Benchmark]
    public int TemplateOptions() => WideModel.FirstQuery(ModelVariant.Template, freshModel: true);

    [Benchmark]
    public int CompiledModel() => WideModel.FirstQuery(ModelVariant.Compiled, freshModel: true);
}
