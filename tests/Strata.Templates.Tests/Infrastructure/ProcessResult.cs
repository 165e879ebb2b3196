using System.Text;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>What a finished (or timed-out) process left behind.</summary>
public sealed record ProcessResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    bool TimedOut)
{
    /// <summary>True when the process exited on its own with code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Both output streams, stdout first, for assertions that don't care which one a message went to.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>Throws with the full command, exit code and output unless the process succeeded.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException(Describe());
        }

        return this;
    }

    /// <summary>A multi-line report of the run, for failure messages.</summary>
    public string Describe()
    {
        var outcome = TimedOut
            ? $"timed out after {Duration.TotalSeconds:F1} s and was killed"
            : $"exited with code {ExitCode} after {Duration.TotalSeconds:F1} s";

        var report = new StringBuilder()
            .AppendLine($"`{CommandLine}` {outcome}")
            .AppendLine($"  working directory: {WorkingDirectory}");
        AppendStream(report, "stdout", StandardOutput);
        AppendStream(report, "stderr", StandardError);
        return report.ToString();
    }

    private static void AppendStream(StringBuilder report, string name, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            report.AppendLine($"  {name}: (empty)");
            return;
        }

        report.AppendLine($"  {name}:");
        foreach (var line in text.TrimEnd().Split('\n'))
        {
            report.Append("    ").AppendLine(line.TrimEnd('\r'));
        }
    }
}
