using Strata.Templates.Tests.ModelProject.Matrix;

namespace Strata.Templates.Tests.Harness;

public sealed class PairwiseCoverTests
{
    public static TheoryData<int[]> Shapes => new()
    {
        new[] { 2, 2 },
        new[] { 3, 2, 2, 2 },
        new[] { 3, 2, 2, 2, 3, 2 },
        new[] { 3, 3, 3, 3 },
        new[] { 1, 4, 2 },
        new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_pair_of_values_of_every_two_parameters_is_in_some_row(int[] sizes)
    {
        var rows = PairwiseCover.Generate(sizes, []);

        Assert.True(PairwiseCover.CoversAllPairs(sizes, rows, out var missing), $"Not covered: {missing}\n{Describe(rows)}");
        Assert.All(rows, row => Assert.Equal(sizes.Length, row.Length));
        Assert.Equal(rows.Count, rows.Select(row => string.Join(",", row)).Distinct().Count());
    }

    [Fact]
    public void The_required_rows_come_first_unchanged_and_the_rest_completes_the_cover()
    {
        int[] sizes = [3, 2, 2, 2];
        int[][] required = [[0, 0, 0, 0], [1, 0, 0, 0], [2, 0, 0, 0], [2, 0, 0, 1]];

        var rows = PairwiseCover.Generate(sizes, required);

        Assert.Equal(required, rows.Take(required.Length));
        Assert.True(PairwiseCover.CoversAllPairs(sizes, rows, out var missing), $"Not covered: {missing}\n{Describe(rows)}");
    }

    [Fact]
    public void A_required_row_given_twice_is_kept_once()
    {
        var rows = PairwiseCover.Generate([2, 2], [[0, 0], [0, 0]]);

        Assert.Single(rows, row => row.SequenceEqual([0, 0]));
    }

    [Fact]
    public void With_two_parameters_the_cover_is_their_whole_product()
    {
        var rows = PairwiseCover.Generate([3, 2], []);

        Assert.Equal(6, rows.Count);
    }

    [Theory]
    [InlineData(new[] { 3, 2, 2, 2 }, 6)]
    [InlineData(new[] { 3, 2, 2, 2, 3, 2 }, 11)]
    [InlineData(new[] { 3, 3, 3, 3 }, 11)]
    public void The_cover_stays_near_the_smallest_possible_far_below_the_product(int[] sizes, int atMost)
    {
        // The smallest possible is the product of the two largest sizes (6, 9 and 9 here); the full products are 24, 216, 81.
        var rows = PairwiseCover.Generate(sizes, []);

        Assert.True(rows.Count <= atMost, $"{rows.Count} rows, expected at most {atMost}:\n{Describe(rows)}");
    }

    [Fact]
    public void The_same_input_gives_the_same_rows()
    {
        int[] sizes = [3, 2, 2, 2, 3, 2];

        Assert.Equal(Describe(PairwiseCover.Generate(sizes, [[1, 1, 0, 1, 2, 0]])), Describe(PairwiseCover.Generate(sizes, [[1, 1, 0, 1, 2, 0]])));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 0, 2 })]
    [InlineData(new[] { -1, 0 })]
    public void A_required_row_that_does_not_fit_the_parameters_is_refused(int[] row)
    {
        var exception = Assert.Throws<ArgumentException>(() => PairwiseCover.Generate([2, 2], [row]));

        Assert.Contains("does not fit sizes (2, 2)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_without_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PairwiseCover.Generate([2, 0], []));
    }

    private static string Describe(IEnumerable<int[]> rows) => string.Join("\n", rows.Select(row => string.Join(" ", row)));
}
