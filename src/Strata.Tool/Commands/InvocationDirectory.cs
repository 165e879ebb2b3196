namespace Strata.Tool.Commands;

/// <summary>
/// The folder the user ran <c>dotnet new entity</c> in. The engine runs its post-action in the output folder
/// (<c>-o</c>), so that is this process's working directory; the user's folder is the working directory of the
/// nearest ancestor process that is somewhere else. Read from <c>/proc</c>, so only known on Linux.
/// </summary>
internal static class InvocationDirectory
{
    /// <summary>How far up the process tree to look: dotnet new → dotnet (muxer) → this tool, and a little slack.</summary>
    private const int MaxAncestors = 6;

    /// <summary>The nearest ancestor's working directory other than <paramref name="outputDirectory"/>, or null where it can't be read.</summary>
    public static string? Find(string outputDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var pid = Environment.ProcessId;
            for (var i = 0; i < MaxAncestors && pid > 1; i++)
            {
                pid = ParentOf(pid);
                var cwd = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
                if (cwd is not null && Path.GetFullPath(cwd) != outputDirectory)
                {
                    return Path.GetFullPath(cwd);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // Another process's /proc entry can vanish or be unreadable: then we simply don't know.
        }

        return null;
    }

    /// <summary>The parent process id, the fourth field of <c>/proc/&lt;pid&gt;/stat</c> (after the parenthesised command name).</summary>
    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
