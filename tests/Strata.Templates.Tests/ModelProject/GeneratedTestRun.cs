using System.Text;
using System.Xml.Linq;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>The outcome of <c>dotnet test</c> on a generated solution, read from its TRX report.</summary>
public sealed class GeneratedTestRun
{
    private GeneratedTestRun(ProcessResult process, IReadOnlyList<GeneratedTestResult> results)
    {
        Process = process;
        Results = results;
    }

    public ProcessResult Process { get; }

    /// <summary>One entry per test case (a theory row counts once per row).</summary>
    public IReadOnlyList<GeneratedTestResult> Results { get; }

    public IReadOnlyList<GeneratedTestResult> Passed => [.. Results.Where(result => result.Outcome == "Passed")];

    public IReadOnlyList<GeneratedTestResult> Failed => [.. Results.Where(result => result.Outcome is not ("Passed" or "NotExecuted"))];

    public IReadOnlyList<GeneratedTestResult> Skipped => [.. Results.Where(result => result.Outcome == "NotExecuted")];

    /// <summary>
    /// The skipped tests other than the generic cases that say they do not apply to their entity (an entity
    /// without a foreign key has none to break): those are reported as skipped, with the reason, by design.
    /// </summary>
    public IReadOnlyList<GeneratedTestResult> SkippedExceptNotApplicable =>
        [.. Skipped.Where(result => !result.Message.Contains(NotApplicableSkipReason, StringComparison.Ordinal))];

    /// <summary>What every generated "does not apply" skip reason says.</summary>
    public const string NotApplicableSkipReason = "the test does not apply";

    /// <summary>Reads the TRX file the run wrote; a run without one yields no results (and fails the assertions).</summary>
    public static GeneratedTestRun Read(ProcessResult process, string trxPath)
    {
        if (!File.Exists(trxPath))
        {
            return new GeneratedTestRun(process, []);
        }

        var root = XDocument.Load(trxPath).Root!;
        var ns = root.Name.Namespace;
        var results = root.Descendants(ns + "UnitTestResult")
            .Select(result => new GeneratedTestResult(
                (string?)result.Attribute("testName") ?? "",
                (string?)result.Attribute("outcome") ?? "",
                result.Element(ns + "Output")?.Element(ns + "ErrorInfo")?.Element(ns + "Message")?.Value ?? ""))
            .OrderBy(result => result.Name, StringComparer.Ordinal)
            .ToList();
        return new GeneratedTestRun(process, results);
    }

    /// <summary>
    /// Asserts that the run exited 0, no test failed and at least <paramref name="minimumPassed"/>
    /// passed; the message lists failures and skips, then the process output.
    /// </summary>
    public void AssertPassed(int minimumPassed, ITestOutputHelper? output = null)
    {
        output?.WriteLine($"Generated tests: {Passed.Count} passed, {Failed.Count} failed, {Skipped.Count} skipped in {Process.Duration.TotalSeconds:F1} s.");
        var ok = Process.Succeeded && Failed.Count == 0 && Passed.Count >= minimumPassed;
        Assert.True(ok, Describe($"Expected the generated tests to pass, with at least {minimumPassed} passed."));
    }

    /// <summary>A summary of the run for failure messages.</summary>
    public string Describe(string headline)
    {
        var report = new StringBuilder()
            .AppendLine(headline)
            .AppendLine($"Generated tests: {Passed.Count} passed, {Failed.Count} failed, {Skipped.Count} skipped ({Results.Count} in the TRX report).");
        foreach (var result in Failed.Concat(Skipped))
        {
            report.AppendLine($"  {result.Outcome}: {result.Name}{(result.Message.Length > 0 ? " — " + FirstLine(result.Message) : "")}");
        }

        return report.Append(Process.Describe()).ToString();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

/// <param name="Name">The fully qualified test name (with theory arguments).</param>
/// <param name="Outcome">TRX outcome: Passed, Failed, NotExecuted (skipped), …</param>
/// <param name="Message">The failure or skip message.</param>
public sealed record GeneratedTestResult(string Name, string Outcome, string Message);
