using System.Text.RegularExpressions;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// The scopes the entity fixture's commands give (issue 12): the methods of each <c>&lt;Entity&gt;Queries</c> class, in the
/// order of the fields that made them, and every case the generated <c>QueryIndexTests</c> must run for them.
/// </summary>
public static partial class EntityScopes
{
    /// <summary>The scopes of each entity's Queries file; an entity not listed has no file (no indexed field, no reference).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByEntity = new Dictionary<string, string[]>
    {
        // Sku:uniq, Supplier:references, ExternalId:uniq, Code:index, Buyer:references{Customer}?, then add-fields Barcode:uniq.
        ["Product"] = ["WithSku", "ForSupplier", "WithExternalId", "WhereCode", "ForBuyer", "WithBarcode"],
        ["Order"] = ["ForCustomer"],
        ["OrderLine"] = ["ForOrder"],
        ["Supplier"] = ["WithName"],
    };

    /// <summary>The scopes of AuditableQueries, which apply to every auditable entity.</summary>
    public static readonly IReadOnlyList<string> Shared = ["After", "AfterId", "CreatedBetween", "CreatedSince", "NewestFirst", "Page", "UpdatedBetween", "UpdatedSince"];

    /// <summary>Every scope case of the generated index test, as it names them: <c>ProductQueries.WithSku</c>, <c>AuditableQueries.Page&lt;Order&gt;</c>.</summary>
    public static IReadOnlyList<string> Cases =>
    [
        .. ByEntity.SelectMany(pair => pair.Value.Select(scope => $"{pair.Key}Queries.{scope}")),
        .. EntityProjectFixture.Commands.SelectMany(command => Shared.Select(scope => $"AuditableQueries.{scope}<{command.Name}>")),
    ];

    /// <summary>The scope methods a Queries file declares, in order.</summary>
    public static IReadOnlyList<string> Declared(string queriesFile) =>
        [.. ScopeDeclaration().Matches(queriesFile).Select(match => match.Groups["name"].Value)];

    /// <summary>The scope a case of the generated index test ran (its theory argument), or null for another test.</summary>
    public static string? ScopeOf(GeneratedTestResult result) =>
        IndexTestCase().Match(result.Name) is { Success: true } match ? match.Groups["scope"].Value : null;

    /// <summary>Asserts the run has a passed index-test case for every scope of the fixture's entities.</summary>
    public static void AssertEveryScopeAnsweredThroughAnIndex(GeneratedTestRun run) =>
        AssertPassedForEveryScope(run, IndexTestCase(), "QueryIndexTests");

    /// <summary>Asserts the run has a passed translation case (no database needed) for every scope of the fixture's entities.</summary>
    public static void AssertEveryScopeTranslated(GeneratedTestRun run) =>
        AssertPassedForEveryScope(run, TranslationTestCase(), "ScopeTranslationTests");

    private static void AssertPassedForEveryScope(GeneratedTestRun run, Regex testCase, string testClass)
    {
        var passed = run.Passed.Select(result => testCase.Match(result.Name)).Where(match => match.Success)
            .Select(match => match.Groups["scope"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = Cases.Where(scope => !passed.Contains(scope)).ToList();
        Assert.True(missing.Count == 0, run.Describe($"The generated {testClass} did not pass for these scopes: {string.Join(", ", missing)}"));
    }

    [GeneratedRegex(@"public static IQueryable<\w+> (?<name>\w+)\(")]
    private static partial Regex ScopeDeclaration();

    [GeneratedRegex(@"QueryIndexTests\.Every_scope_is_answered_through_an_index\(scope: ""(?<scope>[^""]+)""\)")]
    private static partial Regex IndexTestCase();

    [GeneratedRegex(@"ScopeTranslationTests\.Every_scope_translates_to_sql\(scope: ""(?<scope>[^""]+)""\)")]
    private static partial Regex TranslationTestCase();
}
