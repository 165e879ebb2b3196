using System.ComponentModel;
using System.Diagnostics;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Runs a program directly (no shell) with its standard input closed, captures both output
/// streams and kills the whole process tree when the timeout runs out.
/// </summary>
public static class ProcessRunner
{
    /// <summary>
    /// How long to keep reading output after the process itself has exited. A grandchild that
    /// inherited the pipes (a build server, say) can hold them open for minutes; past this grace
    /// period the output read so far is returned.
    /// </summary>
    private static readonly TimeSpan OutputDrainGracePeriod = TimeSpan.FromSeconds(10);

    /// <param name="fileName">The program to start: a path, or a name looked up on PATH.</param>
    /// <param name="arguments">Arguments, each passed as-is (no quoting or splitting needed).</param>
    /// <param name="workingDirectory">The folder the program starts in.</param>
    /// <param name="timeout">After this long, the process and all its descendants are killed.</param>
    /// <param name="environment">Variables to set; a <see langword="null"/> value removes the variable.</param>
    /// <param name="cancellationToken">Cancels the run the same way a timeout does.</param>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = FormatCommandLine(fileName, startInfo.ArgumentList);
        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start `{commandLine}` in '{workingDirectory}': {exception.Message}", exception);
        }

        // Closed stdin: a program that prompts sees end-of-file, as it would in CI.
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);

        var timedOut = false;
        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeoutSource.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                KillTree(process);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        stopwatch.Stop();
        await Task.WhenAny(Task.WhenAll(standardOutput, standardError), Task.Delay(OutputDrainGracePeriod, CancellationToken.None));

        return new ProcessResult(
            commandLine,
            workingDirectory,
            process.ExitCode,
            ResultOrEmpty(standardOutput),
            ResultOrEmpty(standardError),
            stopwatch.Elapsed,
            timedOut);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    private static string ResultOrEmpty(Task<string> read) =>
        read.IsCompletedSuccessfully ? read.Result : "(output not fully read: a child process still holds the stream open)";

    private static string FormatCommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or ';' or '&' or '|')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
