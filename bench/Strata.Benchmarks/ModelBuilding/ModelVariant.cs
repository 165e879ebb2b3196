namespace Strata.Benchmarks.ModelBuilding;

/// <summary>How the 200-entity DbContext is configured.</summary>
public enum ModelVariant
{
    /// <summary>A plain DbContext over the same entities and configurations: stock conventions, plain UseSqlite.</summary>
    Plain,

    /// <summary>The template's DbContext (its conventions), plain UseSqlite: no interceptors.</summary>
    Conventions,

    /// <summary>The template's DbContext as users get it: <c>UseBenchWideModel</c> (conventions, interceptors, validator discovery).</summary>
    Template,

    /// <summary>As <see cref="Template"/>, with the model from <c>dotnet ef dbcontext optimize</c>.</summary>
    Compiled,
}
