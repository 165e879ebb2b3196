using System.IO.Compression;
using System.Xml.Linq;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Packaging;

[Collection(TemplateHiveCollection.Name)]
public sealed class PackTests(TemplateHive hive)
{
    [Fact]
    public void Packing_produces_the_Strata_Templates_package()
    {
        Assert.True(File.Exists(hive.PackagePath), $"No package at {hive.PackagePath}");
        Assert.Equal("Strata.Templates.0.1.0.nupkg", Path.GetFileName(hive.PackagePath));
    }

    [Fact]
    public void The_package_is_of_type_Template()
    {
        var metadata = ReadNuspecMetadata();

        var packageTypes = metadata.Descendants(metadata.Name.Namespace + "packageType").Select(element => (string?)element.Attribute("name"));

        Assert.Equal(["Template"], packageTypes);
    }

    [Fact]
    public void The_nuspec_has_an_MIT_license_expression_a_readme_and_the_tags()
    {
        var metadata = ReadNuspecMetadata();
        var nuspec = metadata.Name.Namespace;

        var license = metadata.Element(nuspec + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", metadata.Element(nuspec + "readme")?.Value);
        Assert.Contains("README.md", ReadEntryNames());

        var tags = (metadata.Element(nuspec + "tags")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dotnet-new", "templates", "efcore", "entity-framework", "migrations"], tags);
    }

    [Theory]
    [InlineData("content/ModelProject/.template.config/template.json")]
    [InlineData("content/Entity/.template.config/template.json")]
    public void The_package_contains_the_template_definition(string entryName)
    {
        Assert.Contains(entryName, ReadEntryNames());
    }

    [Fact]
    public void The_package_contains_no_build_output()
    {
        var buildOutput = ReadEntryNames()
            .Where(name => name.Split('/').SkipLast(1).Any(segment => segment is "bin" or "obj") || name.StartsWith("lib/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(buildOutput);
    }

    private List<string> ReadEntryNames()
    {
        using var package = ZipFile.OpenRead(hive.PackagePath);
        return package.Entries.Select(entry => entry.FullName).ToList();
    }

    /// <summary>The nuspec's &lt;metadata&gt; element (its XML namespace depends on the NuGet version that packed it).</summary>
    private XElement ReadNuspecMetadata()
    {
        using var package = ZipFile.OpenRead(hive.PackagePath);
        var nuspec = package.Entries.Single(entry => !entry.FullName.Contains('/') && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }
}
