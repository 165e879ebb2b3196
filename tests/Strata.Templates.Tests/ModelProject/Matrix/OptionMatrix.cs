using Strata.Templates.Tests.Entity;

namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>
/// The <c>dotnet new modelproject</c> option combinations the suite proves (issue 13): a pairwise cover of
/// <see cref="ModelProjectOptions.All"/> that holds every provider's default. It starts from the projects other
/// test classes create anyway, so those instantiations count for the matrix instead of being made again, and
/// adds only the rows still needed for every pair of option values.
/// </summary>
public static class OptionMatrix
{
    /// <summary>A message sink for fixtures made only to read their options (nothing runs, nothing reports).</summary>
    private static readonly Xunit.Abstractions.IMessageSink NoMessages = new Xunit.Sdk.NullMessageSink();

    /// <summary>The projects the ModelProject test classes create: rows the matrix runs (sharing their instantiation).</summary>
    public static IReadOnlyList<ModelProjectFixture> Fixtures { get; } =
        [new SqliteShopFixture(), new PostgreSqlShopFixture(), new SqlServerShopFixture(), new AcmeSalesFixture()];

    /// <summary>
    /// Projects the entity test classes create with <c>--no-sample</c> and then fill with entities, and prove the way a
    /// row is proven: every command succeeds, the solution builds with warnings as errors, no pending model changes,
    /// the generated tests pass (they migrate their SQLite and PostgreSQL databases; SQL Server's script parses).
    /// They count as rows of the cover and are not made again here.
    /// </summary>
    public static IReadOnlyList<EntityProjectFixture> ProvenWithEntities { get; } =
    [
        new SqliteEntityFixture(NoMessages), new SqlServerEntityFixture(NoMessages), new PostgreSqlEntityFixture(NoMessages),
        new SqliteLongKeyFixture(NoMessages), new SqlServerGuidKeyFixture(NoMessages), new PostgreSqlSnakeCaseFixture(NoMessages),
    ];

    /// <summary>The rows <see cref="ProvenWithEntities"/> stand for.</summary>
    public static IReadOnlyList<MatrixRow> RowsProvenWithEntities { get; } =
        [.. ProvenWithEntities.Select(fixture => new MatrixRow(EntityShop.Name, EntityShop.Name, OptionRow.Parse(fixture.ModelProjectArguments)))];

    /// <summary>
    /// The rows OptionMatrixTests runs: the fixtures' projects, each provider's default, then the rows that complete
    /// the cover together with <see cref="RowsProvenWithEntities"/>.
    /// </summary>
    public static IReadOnlyList<MatrixRow> Rows { get; } = Build();

    /// <summary>The row whose <see cref="MatrixRow.Label"/> is <paramref name="label"/>.</summary>
    public static MatrixRow Find(string label) =>
        Rows.SingleOrDefault(row => row.Label == label) ?? throw new ArgumentException($"No matrix row '{label}'.", nameof(label));

    private static List<MatrixRow> Build()
    {
        var required = Fixtures.Select(fixture => new MatrixRow(fixture.Name, fixture.Identifier, OptionRow.Parse(fixture.Options))).ToList();
        var databases = ModelProjectOptions.All.Single(option => option.Symbol == "database").Values;
        required.AddRange(databases.Select(database => new MatrixRow("Shop", "Shop", OptionRow.Parse(["--database", database]))));
        required = [.. required.DistinctBy(row => row.Options.Key)];

        var proven = RowsProvenWithEntities.Where(row => required.All(other => other.Options.Key != row.Options.Key)).DistinctBy(row => row.Options.Key).ToList();
        var sizes = ModelProjectOptions.All.Select(option => option.Values.Count).ToList();
        var cover = PairwiseCover.Generate(sizes, [.. proven.Select(row => row.Options.Indexes), .. required.Select(row => row.Options.Indexes)]);
        return [.. required, .. cover.Skip(proven.Count + required.Count).Select(indexes => new MatrixRow("Shop", "Shop", OptionRow.FromIndexes(indexes)))];
    }
}
