using Strata.Tool.Commands;

namespace Strata.Tool.Tests;

/// <summary>The <c>:default(value)</c> of add-fields becomes the value existing rows get in the migration.</summary>
public sealed class MigrationDefaultsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"strata-migration-{Guid.NewGuid():N}.cs");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Replaces_the_zero_value_EF_Core_scaffolds_and_adds_one_to_a_nullable_column()
    {
        File.WriteAllText(_file, """
            public partial class AddQueueToTicket : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Queue",
                        table: "Tickets",
                        type: "TEXT",
                        maxLength: 20,
                        nullable: false,
                        defaultValue: "");

                    migrationBuilder.AddColumn<int>(
                        name: "Level",
                        table: "Tickets",
                        type: "INTEGER",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Queue", table: "Tickets");
                }
            }
            """);

        Migrations.SetColumnDefaults(_file, "Tickets", new Dictionary<string, string> { ["Queue"] = "\"General\"", ["Level"] = "3" });

        var text = File.ReadAllText(_file);
        Assert.Contains("""
                        nullable: false,
                        defaultValue: "General");
            """, text, StringComparison.Ordinal);
        Assert.Contains("""
                        nullable: true,
                        defaultValue: 3);
            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_the_migration_does_not_add_is_an_error()
    {
        File.WriteAllText(_file, "public partial class M : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n    }\n}\n");
        Assert.Throws<InvalidOperationException>(() => Migrations.SetColumnDefaults(_file, "Tickets", new Dictionary<string, string> { ["Queue"] = "1" }));
    }
}
