namespace Strata.Tool.Fields;

/// <summary>What deleting a referenced row does to the rows that refer to it (EF Core's DeleteBehavior).</summary>
internal enum DeleteRule
{
    Cascade,
    Restrict,
    SetNull,
}
