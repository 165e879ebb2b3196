namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>
/// One <c>dotnet new modelproject</c> option as the option matrix varies it: its symbol in template.json, its
/// command-line flag and its values, the default first.
/// </summary>
public sealed record TemplateOption(string Symbol, string Flag, IReadOnlyList<string> Values, bool IsSwitch)
{
    public string Default => Values[0];

    /// <summary>A choice, passed as <c>--flag value</c>; <paramref name="values"/> start with the default.</summary>
    public static TemplateOption Choice(string symbol, string flag, params string[] values) => new(symbol, flag, values, IsSwitch: false);

    /// <summary>A bool option, off by default, passed as a bare <c>--flag</c> when on.</summary>
    public static TemplateOption Switch(string symbol, string flag) => new(symbol, flag, ["false", "true"], IsSwitch: true);

    /// <summary>The command-line arguments that ask for <paramref name="value"/>.</summary>
    public IEnumerable<string> Arguments(string value) =>
        IsSwitch ? (value == "true" ? [Flag] : []) : [Flag, value];
}
