namespace Strata.Templates.Tests.ModelProject.Matrix;

/// <summary>
/// The options a user can combine on <c>dotnet new modelproject</c>: what the option matrix covers pairwise. A new
/// option is one line here (OptionMatrixTests fails until every parameter of template.json has its line).
/// </summary>
public static class ModelProjectOptions
{
    public static readonly IReadOnlyList<TemplateOption> All =
    [
        TemplateOption.Choice("database", "--database", "Sqlite", "SqlServer", "PostgreSql"),
        TemplateOption.Switch("NoSample", "--no-sample"),
        TemplateOption.Switch("AuditUser", "--audit-user"),
        TemplateOption.Switch("SoftDelete", "--soft-delete"),
        TemplateOption.Choice("idType", "--id-type", "int", "long", "guid"),
        TemplateOption.Choice("naming", "--naming", "PascalCase", "snake_case"),
    ];
}
