using System.Text;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Compares a generated folder with an approved copy in tests/Strata.Templates.Tests/Snapshots/&lt;name&gt;/.
/// With STRATA_UPDATE_SNAPSHOTS=1 it rewrites the approved copy instead of failing; otherwise a
/// mismatch fails with the missing/extra files and diffs, and leaves the received tree in
/// Snapshots/&lt;name&gt;.received/ (gitignored) for inspection.
/// </summary>
public static class SnapshotAssert
{
    public const string UpdateVariable = "STRATA_UPDATE_SNAPSHOTS";

    private const int MaxDiffedFiles = 5;

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="generatedDirectory">The folder a template produced.</param>
    /// <param name="snapshotName">The approved folder's name under Snapshots/.</param>
    /// <param name="include">
    /// Optional filter on relative paths ('/'-separated) to compare; bin/, obj/ and *.db files are always left out.
    /// </param>
    public static void MatchesDirectory(string generatedDirectory, string snapshotName, Func<string, bool>? include = null) =>
        MatchesDirectory(generatedDirectory, Path.Combine(RepoPaths.SnapshotsDirectory, snapshotName), include, UpdateRequested);

    /// <summary>The comparison itself, with the approved folder and update mode given (for the harness's own tests).</summary>
    internal static void MatchesDirectory(string generatedDirectory, string approvedDirectory, Func<string, bool>? include, bool update)
    {
        if (!Directory.Exists(generatedDirectory))
        {
            throw new ArgumentException($"The generated folder '{generatedDirectory}' does not exist.", nameof(generatedDirectory));
        }

        var snapshotName = Path.GetFileName(approvedDirectory);
        var receivedDirectory = approvedDirectory + ".received";
        var received = SnapshotTree.Read(generatedDirectory, include);
        var approved = SnapshotTree.Read(approvedDirectory, include);

        var missing = approved.Files.Keys.Except(received.Files.Keys).ToList();
        var extra = received.Files.Keys.Except(approved.Files.Keys).ToList();
        var changed = received.Files.Keys.Intersect(approved.Files.Keys)
            .Where(path => !received.Files[path].HasSameContentAs(approved.Files[path]))
            .ToList();

        if (missing.Count == 0 && extra.Count == 0 && changed.Count == 0 && Directory.Exists(approvedDirectory))
        {
            DeleteIfExists(receivedDirectory);
            return;
        }

        if (update)
        {
            received.WriteTo(approvedDirectory);
            DeleteIfExists(receivedDirectory);
            return;
        }

        received.WriteTo(receivedDirectory);
        Assert.Fail(Describe(snapshotName, approvedDirectory, receivedDirectory, approved, received, missing, extra, changed));
    }

    private static string Describe(
        string snapshotName,
        string approvedDirectory,
        string receivedDirectory,
        SnapshotTree approved,
        SnapshotTree received,
        List<string> missing,
        List<string> extra,
        List<string> changed)
    {
        var message = new StringBuilder()
            .AppendLine($"Snapshot '{snapshotName}' does not match the generated files.")
            .AppendLine($"  approved: {approvedDirectory}{(Directory.Exists(approvedDirectory) ? "" : " (does not exist yet)")}")
            .AppendLine($"  received: {receivedDirectory}")
            .AppendLine($"If the change is intended, rerun with {UpdateVariable}=1 and review the diff of Snapshots/{snapshotName}/ before committing.");

        AppendList(message, "Missing (approved but not generated)", missing);
        AppendList(message, "Extra (generated but not approved)", extra);
        AppendList(message, "Changed", changed);

        foreach (var path in changed.Take(MaxDiffedFiles))
        {
            message.AppendLine().AppendLine($"--- approved/{path}").AppendLine($"+++ received/{path}");
            var (before, after) = (approved.Files[path], received.Files[path]);
            message.Append(before.IsBinary || after.IsBinary
                ? "(binary file differs)\n"
                : LineDiff.Unified(before.Text!, after.Text!));
        }

        if (changed.Count > MaxDiffedFiles)
        {
            message.AppendLine().AppendLine($"... and {changed.Count - MaxDiffedFiles} more changed files; compare the folders above.");
        }

        return message.ToString();
    }

    private static void AppendList(StringBuilder message, string heading, List<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        message.AppendLine().AppendLine($"{heading}: {paths.Count}");
        foreach (var path in paths)
        {
            message.AppendLine($"  {path}");
        }
    }

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
