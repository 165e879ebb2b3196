using System.Reflection;
using System.Runtime;
using System.Runtime.Loader;
using System.Text;
using Strata.Tool.Agent;

// strata-agent <model project assembly> <output file> [<JIT profile folder>]
// Loads the built model project and writes what its ModelDiagram.ForDesignTime() returns (docs/model.md).
// The drawing code is the project's own (Common/Diagrams/ModelDiagram.cs, also used by its tests), so this
// program needs no EF Core of its own. Exit codes: 0 written, 1 the project's code failed, 2 bad arguments.
if (args.Length is not (2 or 3) || !File.Exists(args[0]) || (args.Length == 3 && !Directory.Exists(args[2])))
{
    Console.Error.WriteLine("usage: strata-agent <model project assembly> <output file> [<JIT profile folder>]");
    return 2;
}

var clock = System.Diagnostics.Stopwatch.StartNew();

var assemblyPath = Path.GetFullPath(args[0]);
var binDirectory = Path.GetDirectoryName(assemblyPath)!;

// Most of a run is the JIT compiling EF Core's model building (EF Core ships without ReadyToRun code), and every run
// compiles the same methods. Multi-core JIT records them in a profile and, on the next run, compiles them ahead on
// another core while this one builds the model. The profile sits in the project's obj/ folder and is rewritten by
// every run; a build of the project changes its assembly's identity, which JitProfile.Rebase carries into the profile
// first, so the run right after a model change (the one every scaffolder command makes) replays it too.
if (args.Length == 3)
{
    try
    {
        JitProfile.Rebase(Path.Combine(args[2], JitProfile.FileName), JitProfile.BuiltAssemblies(binDirectory));
    }
    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
    {
        // The profile only saves time: one that cannot be read or written is not a reason to draw nothing.
    }

    ProfileOptimization.SetProfileRoot(args[2]);
    ProfileOptimization.StartProfile(JitProfile.FileName);
}

// Package assemblies come from the project's deps.json (the host resolves them); the project's own
// assembly and its project references sit in its bin folder.
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    var candidate = Path.Combine(binDirectory, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
};

var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
var render = assembly.GetExportedTypes()
    .Where(type => type.Name == "ModelDiagram")
    .Select(type => type.GetMethod("ForDesignTime", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
    .FirstOrDefault(method => method?.ReturnType == typeof(string));
if (render is null)
{
    Console.Error.WriteLine($"{Path.GetFileName(assemblyPath)} has no public static string ModelDiagram.ForDesignTime(); copy Common/Diagrams/ModelDiagram.cs from a project made by a current `dotnet new modelproject`.");
    return 1;
}

try
{
    var loaded = clock.Elapsed;
    var markdown = (string)render.Invoke(null, null)!;
    File.WriteAllText(args[1], markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    // STRATA_TIMING=1 (as for dotnet-strata): where the time goes, for the benchmark.
    if (Environment.GetEnvironmentVariable("STRATA_TIMING") == "1")
    {
        Console.Error.WriteLine($"strata-agent: {loaded.TotalMilliseconds:F0} ms loading {Path.GetFileName(assemblyPath)}, {(clock.Elapsed - loaded).TotalMilliseconds:F0} ms building the design-time model and drawing it");
    }
    return 0;
}
catch (TargetInvocationException exception) when (exception.InnerException is not null)
{
    Console.Error.WriteLine($"{render.DeclaringType!.FullName}.ForDesignTime() failed: {exception.InnerException.GetType().Name}: {exception.InnerException.Message}");
    return 1;
}
