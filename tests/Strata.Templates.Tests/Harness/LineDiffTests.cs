using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Harness;

public sealed class LineDiffTests
{
    [Fact]
    public void Equal_texts_have_an_empty_diff()
    {
        Assert.Equal("", LineDiff.Unified("a\nb\n", "a\nb\n"));
    }

    [Fact]
    public void A_changed_line_shows_as_removed_and_added_with_context()
    {
        var diff = LineDiff.Unified("one\ntwo\nthree", "one\n2\nthree");

        Assert.Equal("  one\n- two\n+ 2\n  three\n", diff.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Distant_changes_get_separate_hunks()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20));
        var actual = expected.Replace("\n2\n", "\nB\n", StringComparison.Ordinal).Replace("\n19\n", "\nS\n", StringComparison.Ordinal);

        var diff = LineDiff.Unified(expected, actual).ReplaceLineEndings("\n");

        Assert.Contains("- 2\n+ B\n", diff);
        Assert.Contains("@@ expected line 16, received line 16 @@\n", diff);
        Assert.Contains("- 19\n+ S\n", diff);
    }
}
