using Contoso.Shop.Common;
#if (SnakeCaseNaming)
using Contoso.Shop.Common.Conventions;
#endif
using Contoso.Shop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Contoso.Shop.Tests.Model;

/// <summary>The modelling rules, checked on every entity of the model (no database needed).</summary>
public sealed class ModelConventionTests
{
    public static TheoryData<string> Entities => ModelCatalog.EntityNames;

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Table_name_is_the_DbSet_name_unless_configured(string entityName)
    {
        // The DbSet's name was written down when the entity was added (its plural, or --plural): a fixed
        // expectation for the name the table convention works out at run time. A table-per-hierarchy
        // derived type is stored in its root's table, under the root's DbSet name.
        var entity = ModelCatalog.Entity(entityName);
        var tableOwner = entity.GetTableName() == entity.GetRootType().GetTableName() ? entity.GetRootType() : entity;
        var dbSet = typeof(ContosoShopDbContext).GetProperties()
            .SingleOrDefault(property => property.PropertyType == typeof(DbSet<>).MakeGenericType(tableOwner.ClrType));
        var configured = ((IConventionEntityType)tableOwner).GetTableNameConfigurationSource() is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation;

        Assert.True(configured || dbSet is not null, $"{tableOwner.ClrType.Name} has no DbSet on {nameof(ContosoShopDbContext)}: add one under DbSets/.");
#if (SnakeCaseNaming)
        Assert.True(
            configured || PluralTableNameConvention.TableName(dbSet!.Name) == entity.GetTableName(),
            $"{entityName} is stored in table '{entity.GetTableName()}', but its DbSet is named '{dbSet?.Name}' (table '{PluralTableNameConvention.TableName(dbSet?.Name ?? "")}').");
#else
        Assert.True(configured || dbSet!.Name == entity.GetTableName(), $"{entityName} is stored in table '{entity.GetTableName()}', but its DbSet is named '{dbSet?.Name}'.");
#endif
    }
#if (SnakeCaseNaming)

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_database_name_of_the_table_is_snake_case(string entityName)
    {
        // The conventions name everything in snake_case; a name set by hand in a configuration is used as written.
        var entity = ModelCatalog.Entity(entityName);
        var table = ModelCatalog.Model.GetRelationalModel().FindTable(entity.GetTableName()!, entity.GetSchema())!;
        var names = new[] { table.Name }
            .Concat(table.Columns.Select(column => column.Name))
            .Concat(table.PrimaryKey is { } primaryKey ? [primaryKey.Name] : [])
            .Concat(table.UniqueConstraints.Select(unique => unique.Name))
            .Concat(table.ForeignKeyConstraints.Select(foreignKey => foreignKey.Name))
            .Concat(table.Indexes.Select(index => index.Name))
            .Concat(table.CheckConstraints.Select(check => check.Name))
            .OfType<string>();

        var notSnakeCase = names.Where(name => !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')).Distinct().ToList();
        Assert.True(
            notSnakeCase.Count == 0,
            $"Table '{table.Name}' of {entityName} has names that are not snake_case: {string.Join(", ", notSnakeCase)}. Write the names you set by hand (ToTable, HasColumnName, HasDatabaseName, HasConstraintName, HasCheckConstraint) in snake_case.");
    }
#endif

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Audit_columns_are_required_UTC_timestamps(string entityName)
    {
        var entity = ModelCatalog.Entity(entityName);
        if (!entity.ClrType.IsAssignableTo(typeof(IAuditable)))
        {
            return;
        }

        foreach (var name in new[] { nameof(IAuditable.CreatedAt), nameof(IAuditable.UpdatedAt) })
        {
            var property = entity.FindProperty(name);
            Assert.NotNull(property);
            Assert.False(property.IsNullable, $"{entityName}.{name} must be NOT NULL.");
            Assert.IsType<Common.Conventions.UtcDateTimeConverter>(property.GetValueConverter());
        }
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_string_column_has_a_max_length(string entityName)
    {
        var unbounded = ModelCatalog.Columns(ModelCatalog.Entity(entityName))
            .Where(property => property.ClrType == typeof(string) && property.GetMaxLength() is null && property.GetColumnType() is null)
            .Select(property => property.Name);

        Assert.Empty(unbounded);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_decimal_column_has_an_explicit_precision(string entityName)
    {
        var imprecise = ModelCatalog.Columns(ModelCatalog.Entity(entityName))
            .Where(property => (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal) && property.GetPrecision() is null)
            .Select(property => property.Name);

        Assert.Empty(imprecise);
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Enums_are_stored_as_strings_limited_to_their_names(string entityName)
    {
        var entity = ModelCatalog.Entity(entityName);
        foreach (var property in ModelCatalog.Columns(entity).Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum))
        {
            Assert.Equal(typeof(string), property.GetProviderClrType());
            Assert.Contains(ModelCatalog.CheckRules(entity), check => check.Column == property.GetColumnName() && check.Rule == "Enum");
        }
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_foreign_key_is_covered_by_an_index(string entityName)
    {
        var entity = ModelCatalog.Entity(entityName);
        foreach (var foreignKey in entity.GetForeignKeys())
        {
            var columns = foreignKey.Properties;
            var covered = entity.GetIndexes().Select(index => index.Properties)
                .Append(entity.FindPrimaryKey()!.Properties)
                .Any(indexed => indexed.Count >= columns.Count && indexed.Take(columns.Count).SequenceEqual(columns));

            Assert.True(covered, $"{entityName}: foreign key ({string.Join(", ", columns.Select(c => c.Name))}) has no index.");
        }
    }

    [EntityTheory(NeedsDatabase = false)]
    [MemberData(nameof(Entities))]
    public void Every_relationship_has_a_deliberate_delete_behaviour(string entityName)
    {
        foreach (var foreignKey in ModelCatalog.Entity(entityName).GetForeignKeys().Where(fk => !fk.IsOwnership))
        {
            // ClientSetNull / ClientCascade / NoAction would leave the database without the rule the model expects.
            Assert.Contains(foreignKey.DeleteBehavior, new[] { DeleteBehavior.Cascade, DeleteBehavior.Restrict, DeleteBehavior.SetNull });
        }
    }

    [Fact]
    public void Relationships_restrict_deletes_unless_configured_to_cascade()
    {
        var cascading = ModelCatalog.Entities
            .SelectMany(entity => entity.GetForeignKeys())
            .Where(fk => !fk.IsOwnership && fk.DeleteBehavior == DeleteBehavior.Cascade)
            .Where(fk => ((IConventionForeignKey)fk).GetDeleteBehaviorConfigurationSource() is not (ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation));

        Assert.Empty(cascading);
    }
}
