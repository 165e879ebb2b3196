using BenchmarkDotNet.Running;
using Strata.Benchmarks.ModelBuilding;
using Strata.Benchmarks.Runtime;

// `startup prepare` creates the SQLite files; `startup <variant>` is one cold-start measurement;
// `paired [rounds]` runs the SaveChanges workloads interleaved with CPU time; `keytypes [rounds]` the int/guid
// key inserts likewise; anything else goes to
// BenchmarkDotNet (e.g. --filter '*SaveChanges*').
if (args is ["startup", "prepare"])
{
    WideModel.EnsureDatabases();
    return 0;
}

if (args is ["paired", ..])
{
    return PairedRunner.Run(args);
}

if (args is ["keytypes", ..])
{
    return KeyTypePairedRunner.Run(args);
}

if (args is ["startup", ..])
{
    return StartupProbe.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
