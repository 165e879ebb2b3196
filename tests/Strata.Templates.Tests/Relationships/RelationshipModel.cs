namespace Strata.Templates.Tests.Relationships;

/// <summary>One command of the relationship model: <c>dotnet new entity &lt;arguments&gt;</c> or <c>dotnet strata &lt;arguments&gt;</c>.</summary>
public sealed record ModelCommand(bool IsStrata, params string[] Arguments)
{
    public static ModelCommand Entity(params string[] arguments) => new(false, arguments);

    public static ModelCommand Strata(params string[] arguments) => new(true, arguments);

    public string CommandLine =>
        $"dotnet {(IsStrata ? "strata" : "new entity")} {string.Join(' ', Arguments.Select(argument => argument.Contains(' ', StringComparison.Ordinal) || argument.Length == 0 ? $"\"{argument}\"" : argument))}";
}

/// <summary>
/// The model every provider's relationship project is built from (issue 11): a self-reference, a one-to-one, a
/// many-to-many, a self many-to-many added with add-fields, and a parent/child; then the SQL Server cascade-path cases.
/// </summary>
public static class RelationshipModel
{
    /// <summary>The commands, in order; each adds its migration. Note comes last so that <c>remove Note</c> removes its migration.</summary>
    public static readonly IReadOnlyList<ModelCommand> Commands =
    [
        ModelCommand.Entity("-n", "Product", "--fields", "Name:string{100}"),
        ModelCommand.Entity("-n", "Employee", "--fields", "Name:string{100} Manager:references{Employee}?"),
        ModelCommand.Entity("-n", "Passport", "--fields", "Number:string{20} Employee:references:uniq"),
        ModelCommand.Entity("-n", "Playlist", "--fields", "Name:string{120} Products:many{Product}"),
        ModelCommand.Strata("add-fields", "Product", "Related:many{Product}"),
        ModelCommand.Entity("-n", "Note", "--parent", "Employee", "--fields", "Text:string{200}"),
    ];

    /// <summary>The migrations the commands add, in order.</summary>
    public static readonly IReadOnlyList<string> Migrations = ["AddProduct", "AddEmployee", "AddPassport", "AddPlaylist", "AddRelatedToProduct", "AddNote"];

    /// <summary>The tables of the model (join tables included), sorted.</summary>
    public static readonly IReadOnlyList<string> Tables = ["Employees", "Notes", "Passports", "PlaylistProducts", "Playlists", "Products", "RelatedProducts"];

    /// <summary>A self-reference whose delete cascades: a cycle of cascading deletes (SQL Server error 1785).</summary>
    public static readonly ModelCommand CascadeCycle = ModelCommand.Entity("-n", "Chain", "--fields", "Previous:references{Chain}?:cascade", "--skip-migration");

    /// <summary>
    /// A second child of Employee (Cascade, like Note), created before <see cref="TwoCascadePaths"/>: the model's own
    /// parent/child gives the first path.
    /// </summary>
    public static readonly IReadOnlyList<ModelCommand> SecondChild =
    [
        ModelCommand.Entity("-n", "Badge", "--parent", "Employee", "--skip-migration"),
    ];

    /// <summary>A review cascading from both children of Employee: deleting an employee reaches Review along two cascade paths.</summary>
    public static readonly ModelCommand TwoCascadePaths =
        ModelCommand.Entity("-n", "Review", "--fields", "Note:references:cascade Badge:references:cascade", "--skip-migration");

    /// <summary>The same review with one path restricted: SQL Server accepts it.</summary>
    public static readonly ModelCommand OneCascadePath =
        ModelCommand.Entity("-n", "Review", "--fields", "Note:references:cascade Badge:references", "--skip-migration");

    /// <summary>Removing what the cascade-path cases added, dependents first (with --skip-migration, as they were added).</summary>
    public static readonly IReadOnlyList<string> CascadeCaseRemovalOrder = ["Review", "Badge"];
}
