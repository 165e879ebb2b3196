using Strata.Templates.Tests.Infrastructure;
using Xunit.Sdk;

namespace Strata.Templates.Tests.Harness;

public sealed class SnapshotAssertTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("strata-snapshot-assert-");

    private string Generated => Path.Combine(_root.FullName, "generated");

    private string Approved => Path.Combine(_root.FullName, "Snapshots", "Shop");

    private string Received => Approved + ".received";

    [Fact]
    public void Matching_folders_pass_and_leave_no_received_folder()
    {
        Write(Generated, "src/Order.cs", "class Order\r\n{\r\n}\r\n");
        Write(Approved, "src/Order.cs", "class Order\n{\n}\n");

        SnapshotAssert.MatchesDirectory(Generated, Approved, include: null, update: false);

        Assert.False(Directory.Exists(Received));
    }

    [Fact]
    public void A_mismatch_fails_with_a_diff_and_the_missing_and_extra_files_and_writes_the_received_folder()
    {
        Write(Generated, "src/Order.cs", "class Order\n{\n    int Quantity;\n}\n");
        Write(Generated, "src/OrderLine.cs", "class OrderLine;\n");
        Write(Approved, "src/Order.cs", "class Order\n{\n}\n");
        Write(Approved, "src/Customer.cs", "class Customer;\n");

        var failure = Assert.Throws<FailException>(() => SnapshotAssert.MatchesDirectory(Generated, Approved, include: null, update: false));

        Assert.Contains("Missing (approved but not generated): 1\n  src/Customer.cs", failure.Message.ReplaceLineEndings("\n"));
        Assert.Contains("Extra (generated but not approved): 1\n  src/OrderLine.cs", failure.Message.ReplaceLineEndings("\n"));
        Assert.Contains("+     int Quantity;", failure.Message);
        Assert.True(File.Exists(Path.Combine(Received, "src", "OrderLine.cs")));
    }

    [Fact]
    public void Update_mode_rewrites_the_approved_folder_including_removals()
    {
        Write(Generated, "src/Order.cs", "class Order;\n");
        Write(Approved, "src/Order.cs", "class Order { }\n");
        Write(Approved, "src/Stale.cs", "class Stale;\n");

        SnapshotAssert.MatchesDirectory(Generated, Approved, include: null, update: true);

        Assert.Equal(["src/Order.cs"], SnapshotTree.Read(Approved).Files.Keys);
        Assert.Equal("class Order;\n", File.ReadAllText(Path.Combine(Approved, "src", "Order.cs")));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static void Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
