using Strata.Tool.Diagrams;
using Strata.Tool.Project;

namespace Strata.Tool.Tests;

/// <summary><c>dotnet strata diagram</c>: where docs/model.md goes and the refusals before anything is written.</summary>
public sealed class DiagramCommandTests : IDisposable
{
    private readonly FakeModelProject _project = new();

    public void Dispose() => _project.Dispose();

    private string SolutionFolder => Path.GetDirectoryName(_project.Directory)!;

    [Fact]
    public void Docs_go_beside_the_solution_file_above_the_project()
    {
        File.WriteAllText(Path.Combine(SolutionFolder, "Shop.slnx"), "<Solution />\n");

        Assert.Equal(SolutionFolder, ModelDiagramFile.SolutionDirectory(ModelProject.Find(null, _project.Directory)));
    }

    [Fact]
    public void Without_a_solution_file_docs_go_in_the_project_folder()
    {
        Assert.Equal(_project.Directory, ModelDiagramFile.SolutionDirectory(ModelProject.Find(null, _project.Directory)));
    }

    [Fact]
    public void An_unbuilt_project_is_refused_with_the_build_to_run_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(SolutionFolder, "Shop.slnx"), "<Solution />\n");

        var error = Assert.Throws<CommandFailedException>(() => DiagramCommand.Run(null, noBuild: true, _project.Directory));

        Assert.Contains("is not built", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build, then dotnet strata diagram", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(SolutionFolder, "docs")));
    }

    [Fact]
    public void When_strata_agent_dies_its_jit_profile_is_dropped_and_the_drawing_tried_once_more()
    {
        // A stand-in for the built project whose drawing brings the runtime down while a JIT profile is present
        // (as a profile the runtime could not cope with would), and draws once it is gone.
        var bin = _project.Path("bin/Debug/net10.0");
        TestAssembly.Compile(Path.Combine(bin, "Shop.dll"), """
            namespace Shop.Common.Diagrams;

            public static class ModelDiagram
            {
                public static string ForDesignTime()
                {
                    if (System.IO.File.Exists("obj/strata-agent.jitprofile"))
                    {
                        System.Environment.FailFast("the runtime gave up");
                    }

                    return "drawn without the profile";
                }
            }
            """);
        File.WriteAllText(Path.Combine(bin, "Shop.deps.json"), """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": { "Shop/1.0.0": { "runtime": { "Shop.dll": {} } } } },
              "libraries": { "Shop/1.0.0": { "type": "project", "serviceable": false, "sha512": "" } }
            }
            """);
        _project.Write("obj/project.assets.json", """{ "version": 3, "packageFolders": {} }""");
        _project.Write("obj/strata-agent.jitprofile", "not a profile the runtime can use");

        var markdown = ModelDiagramFile.Render(ModelProject.Find(null, _project.Directory));

        Assert.Equal("drawn without the profile", markdown);
    }

    [Fact]
    public void Outside_a_model_project_the_error_says_where_to_run_it()
    {
        var error = Assert.Throws<InputException>(() => DiagramCommand.Run(null, noBuild: true, SolutionFolder));

        Assert.Contains("no Strata model project", error.Message, StringComparison.Ordinal);
    }
}
