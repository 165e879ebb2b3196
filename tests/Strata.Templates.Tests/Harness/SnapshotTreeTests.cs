using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Harness;

public sealed class SnapshotTreeTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("strata-snapshot-tree-");

    [Fact]
    public void Build_output_and_local_databases_are_left_out()
    {
        Write("src/App/App.csproj", "<Project />");
        Write("src/App/bin/Debug/App.dll", "binary");
        Write("src/App/obj/project.assets.json", "{}");
        Write("app.db", "sqlite");

        var tree = SnapshotTree.Read(_root.FullName);

        Assert.Equal(["src/App/App.csproj"], tree.Files.Keys);
    }

    [Fact]
    public void Line_endings_and_byte_order_marks_do_not_count_as_differences()
    {
        Write("windows/File.cs", "\uFEFFclass A\r\n{\r\n}\r\n");
        Write("unix/File.cs", "class A\n{\n}\n");

        var windows = SnapshotTree.Read(Path.Combine(_root.FullName, "windows")).Files["File.cs"];
        var unix = SnapshotTree.Read(Path.Combine(_root.FullName, "unix")).Files["File.cs"];

        Assert.True(windows.HasSameContentAs(unix));
    }

    [Fact]
    public void The_include_filter_sees_slash_separated_relative_paths()
    {
        Write("src/Keep.cs", "keep");
        Write("src/Skip.cs", "skip");

        var tree = SnapshotTree.Read(_root.FullName, path => path != "src/Skip.cs");

        Assert.Equal(["src/Keep.cs"], tree.Files.Keys);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
