namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>One combination of <see cref="ModelProjectOptions.All"/>: a value for each option, in their order.</summary>
public sealed class OptionRow
{
    private OptionRow(IReadOnlyList<string> values) => Values = values;

    /// <summary>One value per option of <see cref="ModelProjectOptions.All"/>.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The provider (the <c>database</c> option).</summary>
    public string Database => this["database"];

    /// <summary>The value of the option whose symbol is <paramref name="symbol"/>.</summary>
    public string this[string symbol] => Values[IndexOf(symbol)];

    /// <summary>
    /// The arguments after <c>-n</c>: <c>--database</c> always (it says which provider a row is about), every other
    /// option only when it is not its default.
    /// </summary>
    public IReadOnlyList<string> Arguments =>
    [
        .. ModelProjectOptions.All.SelectMany((option, index) =>
            option.Symbol == "database" || Values[index] != option.Default ? option.Arguments(Values[index]) : []),
    ];

    /// <summary>Every value by symbol, e.g. <c>database=Sqlite NoSample=false ...</c>: equal rows, equal keys.</summary>
    public string Key => string.Join(" ", ModelProjectOptions.All.Select((option, index) => $"{option.Symbol}={Values[index]}"));

    /// <summary>The row of value indexes <paramref name="indexes"/> (as <see cref="PairwiseCover"/> gives them).</summary>
    public static OptionRow FromIndexes(IReadOnlyList<int> indexes) =>
        new([.. ModelProjectOptions.All.Select((option, index) => option.Values[indexes[index]])]);

    /// <summary>The value indexes of this row, for <see cref="PairwiseCover"/>.</summary>
    public int[] Indexes => [.. ModelProjectOptions.All.Select((option, index) => IndexOfValue(option, Values[index]))];

    /// <summary>
    /// The row that <c>dotnet new modelproject</c> <paramref name="arguments"/> ask for (options not given take their
    /// default); throws on an argument that is not one of <see cref="ModelProjectOptions.All"/>.
    /// </summary>
    public static OptionRow Parse(IReadOnlyList<string> arguments)
    {
        var values = ModelProjectOptions.All.Select(option => option.Default).ToArray();
        for (var position = 0; position < arguments.Count; position++)
        {
            var index = ModelProjectOptions.All.ToList().FindIndex(option => option.Flag == arguments[position]);
            if (index < 0)
            {
                throw new ArgumentException($"'{arguments[position]}' is not an option of the matrix ({string.Join(", ", ModelProjectOptions.All.Select(option => option.Flag))}).", nameof(arguments));
            }

            var option = ModelProjectOptions.All[index];
            values[index] = option.IsSwitch ? "true" : arguments[++position];
            IndexOfValue(option, values[index]);
        }

        return new OptionRow(values);
    }

    public override string ToString() => string.Join(' ', Arguments);

    private static int IndexOf(string symbol)
    {
        var index = ModelProjectOptions.All.ToList().FindIndex(option => option.Symbol == symbol);
        return index >= 0 ? index : throw new ArgumentException($"No option {symbol} in the matrix.", nameof(symbol));
    }

    private static int IndexOfValue(TemplateOption option, string value)
    {
        var index = option.Values.ToList().IndexOf(value);
        return index >= 0 ? index : throw new ArgumentException($"{option.Flag} {value}: not one of {string.Join(", ", option.Values)}.", nameof(value));
    }
}
