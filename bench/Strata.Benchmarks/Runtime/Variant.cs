namespace Strata.Benchmarks.Runtime;

/// <summary>What sits between the caller and the database.</summary>
public enum Variant
{
    /// <summary>A plain DbContext; timestamps set by hand.</summary>
    Plain,

    /// <summary>The template's DbContext (conventions) with the auditing and error-translation interceptors.</summary>
    Auditing,

    /// <summary>The template's DbContext as <c>Use…Model</c> wires it: validation, auditing and error translation.</summary>
    AuditingAndValidation,
}
