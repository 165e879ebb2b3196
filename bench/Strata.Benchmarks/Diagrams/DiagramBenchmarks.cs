using BenchmarkDotNet.Attributes;
using BenchWide.Common.Diagrams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Strata.Benchmarks.ModelBuilding;

namespace Strata.Benchmarks.Diagrams;

/// <summary>
/// Drawing docs/model.md's erDiagram for the 200-entity model once EF Core has built its design-time model
/// (the generated ModelDiagram, warm). The whole command, process starts and model building included, is timed
/// by build/bench.sh (`dotnet strata diagram --no-build`).
/// </summary>
[Config(typeof(RuntimeConfig))]
public class DiagramBenchmarks
{
    private IRelationalModel _relationalModel = null!;
    private string? _providerName;

    [GlobalSetup]
    public void GlobalSetup()
    {
        using var context = WideModel.Create(ModelVariant.Template, freshModel: false);
        _relationalModel = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        _providerName = context.Database.ProviderName;
    }

    [Benchmark]
    public int DrawTwoHundredTables() => ModelDiagram.ErDiagram(_relationalModel, _providerName).Length;
}
