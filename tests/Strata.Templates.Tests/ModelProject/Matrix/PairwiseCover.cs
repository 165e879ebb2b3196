namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>
/// A pairwise (all-pairs) cover: rows of parameter values in which every value of each parameter meets every
/// value of each other parameter in at least one row. Far fewer rows than the full product (3 providers × 5
/// more options of 2-3 values: 9-12 rows instead of 216), and every bug that needs two particular option
/// values together is still hit.
/// </summary>
/// <remarks>
/// Greedy and deterministic (in the manner of AETG): the required rows come first, as given; then each new row
/// starts from the first pair not yet covered and takes, parameter by parameter, the value that covers most of
/// the pairs left with the values already chosen (the lowest index, i.e. the default, on a tie).
/// </remarks>
public static class PairwiseCover
{
    /// <param name="sizes">How many values each parameter has (at least one); a value is its index.</param>
    /// <param name="required">Rows the cover must hold (one value index per parameter), kept first and in order.</param>
    /// <returns>The rows, each one value index per parameter.</returns>
    public static IReadOnlyList<int[]> Generate(IReadOnlyList<int> sizes, IEnumerable<int[]> required)
    {
        if (sizes.Any(size => size < 1))
        {
            throw new ArgumentException($"Every parameter needs at least one value; sizes: {string.Join(", ", sizes)}.", nameof(sizes));
        }

        var uncovered = new SortedSet<Pair>(AllPairs(sizes));
        var rows = new List<int[]>();

        foreach (var row in required)
        {
            if (row.Length != sizes.Count || row.Select((value, parameter) => value < 0 || value >= sizes[parameter]).Any(invalid => invalid))
            {
                throw new ArgumentException($"The required row ({string.Join(", ", row)}) does not fit sizes ({string.Join(", ", sizes)}).", nameof(required));
            }

            if (!rows.Any(existing => existing.SequenceEqual(row)))
            {
                Add([.. row]);
            }
        }

        while (uncovered.Count > 0)
        {
            var start = uncovered.Min;
            var row = Enumerable.Repeat(-1, sizes.Count).ToArray();
            row[start.First] = start.FirstValue;
            row[start.Second] = start.SecondValue;
            for (var parameter = 0; parameter < sizes.Count; parameter++)
            {
                if (row[parameter] < 0)
                {
                    row[parameter] = Enumerable.Range(0, sizes[parameter]).MaxBy(value => NewPairs(row, parameter, value));
                }
            }

            Add(row);
        }

        return rows;

        void Add(int[] row)
        {
            rows.Add(row);
            for (var first = 0; first < row.Length; first++)
            {
                for (var second = first + 1; second < row.Length; second++)
                {
                    uncovered.Remove(new Pair(first, row[first], second, row[second]));
                }
            }
        }

        // The pairs still uncovered that value would cover with the parameters already chosen in row.
        int NewPairs(int[] row, int parameter, int value) =>
            Enumerable.Range(0, row.Length)
                .Where(other => other != parameter && row[other] >= 0)
                .Count(other => uncovered.Contains(other < parameter
                    ? new Pair(other, row[other], parameter, value)
                    : new Pair(parameter, value, other, row[other])));
    }

    /// <summary>Whether every pair of values of every two parameters occurs in one of <paramref name="rows"/>; the first pair missing, if not.</summary>
    public static bool CoversAllPairs(IReadOnlyList<int> sizes, IEnumerable<int[]> rows, out string missing)
    {
        var uncovered = new SortedSet<Pair>(AllPairs(sizes));
        foreach (var row in rows)
        {
            for (var first = 0; first < row.Length; first++)
            {
                for (var second = first + 1; second < row.Length; second++)
                {
                    uncovered.Remove(new Pair(first, row[first], second, row[second]));
                }
            }
        }

        missing = uncovered.Count == 0 ? "" : uncovered.Min.ToString();
        return uncovered.Count == 0;
    }

    private static IEnumerable<Pair> AllPairs(IReadOnlyList<int> sizes)
    {
        for (var first = 0; first < sizes.Count; first++)
        {
            for (var second = first + 1; second < sizes.Count; second++)
            {
                for (var firstValue = 0; firstValue < sizes[first]; firstValue++)
                {
                    for (var secondValue = 0; secondValue < sizes[second]; secondValue++)
                    {
                        yield return new Pair(first, firstValue, second, secondValue);
                    }
                }
            }
        }
    }

    /// <summary>Parameter <see cref="First"/> at <see cref="FirstValue"/> with parameter <see cref="Second"/> (&gt; First) at <see cref="SecondValue"/>.</summary>
    private readonly record struct Pair(int First, int FirstValue, int Second, int SecondValue) : IComparable<Pair>
    {
        public int CompareTo(Pair other) =>
            (First, Second, FirstValue, SecondValue).CompareTo((other.First, other.Second, other.FirstValue, other.SecondValue));

        public override string ToString() => $"parameter {First} = value {FirstValue} with parameter {Second} = value {SecondValue}";
    }
}
