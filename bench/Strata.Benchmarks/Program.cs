using BenchmarkDotNet.Running;
using Strata.Benchmarks.ModelBuilding;

// `startup prepare` creates the SQLite files; `startup <variant>` is one cold-start measurement;
// anything else goes to BenchmarkDotNet (e.g. --filter '*SaveChanges*').
if (args is ["startup", "prepare"])
{
    WideModel.EnsureDatabases();
    return 0;
}

if (args is ["startup", ..])
{
    return StartupProbe.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
