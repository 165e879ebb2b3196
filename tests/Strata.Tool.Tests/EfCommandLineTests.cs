using Strata.Tool.Commands;
using Strata.Tool.Project;

namespace Strata.Tool.Tests;

/// <summary>The <c>dotnet exec ... ef.dll</c> command line that replaces <c>dotnet ef ... --no-build</c>.</summary>
public sealed class EfCommandLineTests : IDisposable
{
    private readonly FakeModelProject _project = new();
    private readonly string _packages;

    public EfCommandLineTests()
    {
        _packages = Path.Combine(Path.GetDirectoryName(_project.Directory)!, "packages");
        _project.Write(".config/dotnet-tools.json", """{ "version": 1, "isRoot": true, "tools": { "dotnet-ef": { "version": "10.0.15", "commands": ["dotnet-ef"] } } }""");
        _project.Write("../Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");
        _project.Write("obj/project.assets.json", $$"""{ "packageFolders": { "{{_packages}}/": {} } }""");
        _project.Write("bin/Debug/net10.0/Shop.dll", "");
        _project.Write("bin/Debug/net10.0/Shop.runtimeconfig.json", "{}");
        _project.Write("bin/Debug/net10.0/Shop.deps.json", """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": {
                "Microsoft.EntityFrameworkCore.Design/10.0.15": { "runtime": { "lib/net10.0/Microsoft.EntityFrameworkCore.Design.dll": {} } } } },
              "libraries": { "Microsoft.EntityFrameworkCore.Design/10.0.15": { "type": "package", "path": "microsoft.entityframeworkcore.design/10.0.15" } }
            }
            """);
        Package("microsoft.entityframeworkcore.design/10.0.15/lib/net10.0/Microsoft.EntityFrameworkCore.Design.dll");
        Package("dotnet-ef/10.0.15/tools/net8.0/any/tools/net8.0/any/ef.dll");
        Package("dotnet-ef/10.0.15/tools/net8.0/any/tools/net472/any/ef.exe");
    }

    public void Dispose() => _project.Dispose();

    private void Package(string relative)
    {
        var path = Path.Combine(_packages, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    private List<string>? For(params string[] command) => EfCommandLine.For(ModelProject.Find(null, _project.Directory), command);

    [Fact]
    public void Is_the_command_line_dotnet_ef_runs_for_the_project()
    {
        var bin = _project.Path("bin/Debug/net10.0/");
        string[] expected =
        [
            "exec", "--depsfile", bin + "Shop.deps.json", "--additionalprobingpath", _packages,
            "--runtimeconfig", bin + "Shop.runtimeconfig.json", Path.Combine(_packages, "dotnet-ef/10.0.15/tools/net8.0/any/tools/net8.0/any/ef.dll"),
            "migrations", "add", "AddTag",
            "--assembly", bin + "Shop.dll", "--project", _project.Path("Shop.csproj"),
            "--startup-assembly", bin + "Shop.dll", "--startup-project", _project.Path("Shop.csproj"),
            "--project-dir", _project.Directory + "/", "--root-namespace", "Shop", "--language", "C#", "--framework", "net10.0",
            "--design-assembly", Path.Combine(_packages, "microsoft.entityframeworkcore.design/10.0.15/lib/net10.0/Microsoft.EntityFrameworkCore.Design.dll"),
            "--nullable", "--working-dir", _project.Directory,
        ];

        Assert.Equal(expected, For("migrations", "add", "AddTag", "--no-build"));
    }

    [Fact]
    public void Is_null_so_dotnet_ef_runs_itself_when_an_input_is_missing()
    {
        Assert.NotNull(For("migrations", "list", "--no-build", "--json"));
        Assert.Null(For("migrations", "add", "AddTag")); // dotnet ef must build first

        File.Delete(_project.Path("bin/Debug/net10.0/Shop.runtimeconfig.json"));
        Assert.Null(For("migrations", "remove", "--no-build"));

        _project.Write("bin/Debug/net10.0/Shop.runtimeconfig.json", "{}");
        _project.Write(".config/dotnet-tools.json", """{ "version": 1, "isRoot": true, "tools": { "dotnet-ef": { "version": "9.0.0" } } }""");
        Assert.Null(For("migrations", "remove", "--no-build")); // that version is not restored
    }

    [Fact]
    public void Is_null_when_the_latest_build_is_not_the_one_dotnet_ef_reads()
    {
        _project.Write("bin/Release/net10.0/Shop.dll", "");
        _project.Write("bin/Release/net10.0/Shop.deps.json", _project.Read("bin/Debug/net10.0/Shop.deps.json"));
        Assert.Null(For("migrations", "list", "--no-build"));

        Directory.Delete(_project.Path("bin/Release"), recursive: true);
        _project.Write("bin/Debug/net9.0/Shop.dll", "");
        _project.Write("bin/Debug/net9.0/Shop.deps.json", _project.Read("bin/Debug/net10.0/Shop.deps.json"));
        Assert.Null(For("migrations", "list", "--no-build")); // several frameworks: dotnet ef wants --framework
    }
}
