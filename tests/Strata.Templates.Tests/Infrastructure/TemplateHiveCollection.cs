namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// Tests marked <c>[Collection(TemplateHiveCollection.Name)]</c> share one packed and installed
/// template hive and run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TemplateHiveCollection : ICollectionFixture<TemplateHive>
{
    public const string Name = "Template hive";
}
