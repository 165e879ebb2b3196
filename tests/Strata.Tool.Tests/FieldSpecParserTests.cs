using Strata.Tool.Fields;

namespace Strata.Tool.Tests;

public sealed class FieldSpecParserTests
{
    [Fact]
    public void Parses_the_example_of_issue_10()
    {
        var fields = FieldSpecParser.Parse(
            "Sku:string{32}:uniq Name:string{200} Description:text? Price:decimal{10,2}:min(0) Stock:int:min(0) Rating:int:min(1):max(5) "
            + "Status:enum{Draft,Active,Retired} ReleasedOn:date? Website:url? Supplier:references");

        Assert.Equal(["Sku", "Name", "Description", "Price", "Stock", "Rating", "Status", "ReleasedOn", "Website", "Supplier"], fields.Select(f => f.Name));
        Assert.Equal((FieldType.String, 32, true, false), (fields[0].Type, fields[0].MaxLength, fields[0].IsUnique, fields[0].IsOptional));
        Assert.Equal((FieldType.Text, true), (fields[2].Type, fields[2].IsOptional));
        Assert.Equal((FieldType.Decimal, 10, 2, "0"), (fields[3].Type, fields[3].Precision, fields[3].Scale, fields[3].Min));
        Assert.Equal(("1", "5"), (fields[5].Min, fields[5].Max));
        Assert.Equal(["Draft", "Active", "Retired"], fields[6].EnumMembers);
        Assert.Equal((FieldType.Date, true), (fields[7].Type, fields[7].IsOptional));
        Assert.Equal((FieldType.Url, true), (fields[8].Type, fields[8].IsOptional));
        Assert.Equal((FieldType.Reference, "Supplier", DeleteRule.Restrict, "SupplierId"), (fields[9].Type, fields[9].Target, fields[9].EffectiveOnDelete, fields[9].ForeignKey));
    }

    [Fact]
    public void Uniq_on_a_reference_is_a_one_to_one()
    {
        var field = Assert.Single(FieldSpecParser.Parse("Person:references:uniq"));
        Assert.Equal((FieldType.Reference, "Person", true, DeleteRule.Restrict), (field.Type, field.Target, field.IsOneToOne, field.EffectiveOnDelete));
        Assert.False(Assert.Single(FieldSpecParser.Parse("Person:references")).IsOneToOne);
        Assert.False(Assert.Single(FieldSpecParser.Parse("Code:uniq")).IsOneToOne);
    }

    [Fact]
    public void Many_takes_its_target_in_braces_and_inverse_names_the_other_side()
    {
        var fields = FieldSpecParser.Parse("Tracks:many{Track} Manager:references{Employee}?:inverse(DirectReports) Tags:many{Tag}:inverse(TaggedPlaylists)");
        Assert.Equal((FieldType.Many, "Track", null), (fields[0].Type, fields[0].Target, fields[0].Inverse));
        Assert.Equal((FieldType.Reference, "Employee", "DirectReports", true), (fields[1].Type, fields[1].Target, fields[1].Inverse, fields[1].IsOptional));
        Assert.Equal("TaggedPlaylists", fields[2].Inverse);
    }

    [Theory]
    [InlineData("unit_price:decimal", "UnitPrice")]
    [InlineData("unitPrice:decimal", "UnitPrice")]
    [InlineData("UnitPrice:decimal", "UnitPrice")]
    public void Names_become_PascalCase(string spec, string name) => Assert.Equal(name, Assert.Single(FieldSpecParser.Parse(spec)).Name);

    [Theory]
    [InlineData("nickname:index", FieldType.String, false, true)]
    [InlineData("code:uniq", FieldType.String, true, false)]
    [InlineData("nickname", FieldType.String, false, false)]
    public void A_field_without_a_type_is_a_string(string spec, FieldType type, bool unique, bool indexed)
    {
        var field = Assert.Single(FieldSpecParser.Parse(spec));
        Assert.Equal((type, unique, indexed), (field.Type, field.IsUnique, field.IsIndexed));
    }

    [Theory]
    [InlineData("a:integer", FieldType.Int)]
    [InlineData("a:bigint", FieldType.Long)]
    [InlineData("a:float", FieldType.Double)]
    [InlineData("a:boolean", FieldType.Bool)]
    [InlineData("a:uuid", FieldType.Guid)]
    [InlineData("a:bytes{10}", FieldType.Binary)]
    [InlineData("a:belongs_to", FieldType.Reference)]
    [InlineData("a:email", FieldType.Email)]
    [InlineData("a:time", FieldType.Time)]
    [InlineData("a:datetime", FieldType.DateTime)]
    [InlineData("a:short", FieldType.Short)]
    public void Synonyms_resolve(string spec, FieldType type) => Assert.Equal(type, Assert.Single(FieldSpecParser.Parse(spec)).Type);

    [Theory]
    [InlineData("Price:decimal{10.2}")]
    [InlineData("Price:decimal{10-2}")]
    [InlineData("Price:decimal{10, 2}")]
    public void Decimal_precision_takes_the_Rails_forms(string spec)
    {
        var field = Assert.Single(FieldSpecParser.Parse(spec));
        Assert.Equal((10, 2), (field.Precision, field.Scale));
    }

    [Fact]
    public void Commas_separate_fields_outside_braces()
    {
        var fields = FieldSpecParser.Parse("Price:decimal{10,2},Status:enum{A,B}, Name");
        Assert.Equal(["Price", "Status", "Name"], fields.Select(f => f.Name));
    }

    [Fact]
    public void Optional_and_required_markers()
    {
        var fields = FieldSpecParser.Parse("Weight:decimal{8,3}? Barcode:string{13}?:uniq Supplier:references? Name:string!");
        Assert.Equal([true, true, true, false], fields.Select(f => f.IsOptional));
        Assert.True(fields[1].IsUnique);
    }

    [Fact]
    public void Reference_with_another_class_and_delete_rule()
    {
        var field = Assert.Single(FieldSpecParser.Parse("Buyer:references{Customer}?:setnull"));
        Assert.Equal(("Buyer", "Customer", DeleteRule.SetNull, true), (field.Name, field.Target, field.EffectiveOnDelete, field.IsOptional));
    }

    [Fact]
    public void Default_value_is_kept_as_written()
    {
        var field = Assert.Single(FieldSpecParser.Parse("Queue:string{20}:default(General)"));
        Assert.Equal("General", field.Default);
    }

    [Theory]
    [InlineData("Price:decimal{18", "'Price:decimal{18': the '{' is not closed")]
    [InlineData("Name:strng", "unknown type 'strng'; valid types: string{n}, text")]
    [InlineData("Name:string:uniqe", "unknown modifier 'uniqe'; valid modifiers: uniq")]
    [InlineData("Name Name:string", "Name is already defined by 'Name'")]
    [InlineData("name NAME", "NAME is already defined by 'name'")]
    [InlineData("Id:int", "Id is a column every entity already has")]
    [InlineData("CreatedAt:datetime", "CreatedAt is a column every entity already has")]
    [InlineData("UpdatedAt:datetime", "UpdatedAt is a column")]
    [InlineData("Version:int", "Version is a column")]
    [InlineData("DeletedAt:datetime?", "DeletedAt is a column")]
    [InlineData("CreatedBy", "CreatedBy is a column")]
    [InlineData("UpdatedBy", "UpdatedBy is a column")]
    [InlineData("9lives:int", "'9lives' is not a valid C# name")]
    [InlineData("Rating:int:min(5):max(1)", "min(5) is greater than max(1); swap them")]
    [InlineData("Name:string{0}", "string{0} needs a length of at least 1")]
    [InlineData("Photo:binary{0}", "binary{0} needs a length of at least 1")]
    [InlineData("Price:decimal{2,4}", "the scale 4 is larger than the precision 2")]
    [InlineData("Price:decimal{39,2}", "precision of 39 is out of range")]
    [InlineData("Status:enum{}", "an enum needs its members")]
    [InlineData("Status:enum", "an enum needs its members")]
    [InlineData("Status:enum{A,A}", "enum member A appears twice")]
    [InlineData("Status:enum{A,,B}", "an empty enum member")]
    [InlineData("Status:enum{1A}", "enum member '1A' is not a valid C# name")]
    [InlineData("Supplier:references:setnull", ":setnull needs an optional reference")]
    [InlineData("Supplier:references:cascade:restrict", "two delete rules")]
    [InlineData("Name:string:cascade", ":cascade applies to references only")]
    [InlineData("Name:string:min(1)", ":min applies to numbers")]
    [InlineData("Stock:int:min(1.5)", "is not a whole number")]
    [InlineData("Stock:short:max(40000)", "does not fit a short")]
    [InlineData("Code:uniq:index", ":uniq already makes an index")]
    [InlineData("Code:uniq:uniq", "':uniq' appears twice")]
    [InlineData("Flag:bool:default(yes)", "default(yes) is not true or false")]
    [InlineData("Status:enum{A,B}:default(C)", "default(C) is not one of A, B")]
    [InlineData("Rating:int:max(5):default(9)", "default(9) is outside min/max")]
    [InlineData("Queue:string{3}:default(General)", "default(General) is longer than the column's 3 characters")]
    [InlineData("Contact:email:default(nobody)", "default(nobody) is not an e-mail address")]
    [InlineData("Site:url:default(ftp://x)", "default(ftp://x) is not an absolute http or https URL")]
    [InlineData("Supplier:references:default(1)", "a reference takes no default")]
    [InlineData("Supplier:references:index", "the foreign key SupplierId gets its index already; remove :index")]
    [InlineData("Tracks:many", "many needs the entity class it links to in braces; write Tracks:many{Track}")]
    [InlineData("Tracks:many{track}", "many needs the entity class it links to in braces")]
    [InlineData("Tracks:many{Track}?", "a many-to-many takes no ?, index or delete rule")]
    [InlineData("Tracks:many{Track}:uniq", "a many-to-many takes no ?, index or delete rule")]
    [InlineData("Tracks:many{Track}:cascade", ":cascade applies to references only")]
    [InlineData("Name:string:inverse(Names)", ":inverse names the navigation a reference adds to its target")]
    [InlineData("Manager:references{Employee}?:inverse(reports)", "inverse(reports) is not a property name")]
    [InlineData("Manager:references{Employee}?:inverse", ":inverse needs a value in parentheses")]
    [InlineData("SupplierId:references", "name the navigation, not the key: Supplier:references adds SupplierId")]
    [InlineData("Rating:int:max", ":max needs a value in parentheses")]
    [InlineData("Name:string{20}x", "unexpected text after 'string{20}'")]
    [InlineData("Price:decimal}", "'}' has no matching '{'")]
    [InlineData(":int", "the name is missing")]
    [InlineData("Name::uniq", "an empty ':' part")]
    [InlineData("Name:int{4}", "int takes no {...}")]
    [InlineData("Name:string?!", "both '?' (optional) and '!' (required)")]
    [InlineData("Buyer:references{customer}", "'customer' is not an entity class name")]
    public void Bad_input_is_one_clear_message_naming_the_token(string spec, string expected)
    {
        var error = Assert.Throws<InputException>(() => FieldSpecParser.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_spec_has_no_fields() => Assert.Empty(FieldSpecParser.Parse("  "));
}
