using System.Diagnostics;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Harness;

public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Standard_input_is_closed_so_a_reader_sees_end_of_file()
    {
        var result = await ProcessRunner.RunAsync("cat", [], Path.GetTempPath(), Generous);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task Arguments_are_passed_as_is_without_a_shell()
    {
        var result = await ProcessRunner.RunAsync("printf", ["%s|", "two words", "a;b", "$HOME"], Path.GetTempPath(), Generous);

        Assert.Equal("two words|a;b|$HOME|", result.StandardOutput);
    }

    [Fact]
    public async Task Environment_overrides_set_and_remove_variables()
    {
        var environment = new Dictionary<string, string?> { ["STRATA_PROBE"] = "set", ["HOME"] = null };

        var result = await ProcessRunner.RunAsync("sh", ["-c", "echo \"$STRATA_PROBE ${HOME-removed}\""], Path.GetTempPath(), Generous, environment);

        Assert.Equal("set removed\n", result.StandardOutput);
    }

    [Fact]
    public async Task Exit_code_and_both_streams_are_captured()
    {
        var result = await ProcessRunner.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"], Path.GetTempPath(), Generous);

        Assert.Equal((3, "out\n", "err\n", false), (result.ExitCode, result.StandardOutput, result.StandardError, result.TimedOut));
        Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess());
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_process_tree()
    {
        var stopwatch = Stopwatch.StartNew();

        // The background sleep inherits stdout: unless it is killed too, reading output waits for it.
        var result = await ProcessRunner.RunAsync("sh", ["-c", "sleep 60 & sleep 60"], Path.GetTempPath(), TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
    }
}
