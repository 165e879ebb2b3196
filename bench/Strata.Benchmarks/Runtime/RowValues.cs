namespace Strata.Benchmarks.Runtime;

/// <summary>Row values shared by every workload, so each writes the same data.</summary>
public static class RowValues
{
    public static string Name(int index) => $"Item {index}";

    public static string Sku(int index) => $"SKU-{index}";
}
