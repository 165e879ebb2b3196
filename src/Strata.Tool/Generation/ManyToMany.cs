using Humanizer;
using Strata.Tool.Fields;

namespace Strata.Tool.Generation;

/// <summary>
/// A many-to-many (<c>Tracks:many{Track}</c> on Playlist): skip navigations on both sides, mapped through an explicit
/// join entity (<c>PlaylistTrack</c>, table <c>PlaylistTracks</c>) with the composite key (PlaylistId, TrackId), an index
/// on TrackId (the key serves PlaylistId), <c>CreatedAt</c> (when the link was made, stamped by the project's auditing
/// through <c>IHasCreatedAt</c>) and Cascade on both foreign keys.
/// </summary>
/// <param name="Field">The <c>many{...}</c> field.</param>
/// <param name="Entity">The entity that declares the field (the left side).</param>
/// <param name="Inverse">The skip navigation on the target (<c>Track.Playlists</c>), or null for none (a self many-to-many without <c>:inverse</c>).</param>
/// <param name="IsSqlServer">SQL Server refuses two cascade paths into one table (error 1785): a self join table cascades on one side only.</param>
internal sealed record ManyToMany(FieldSpec Field, EntityContext Entity, string? Inverse, bool IsSqlServer)
{
    public bool IsSelf => Field.Target == Entity.Name;

    /// <summary>
    /// The join class: <c>PlaylistTrack</c>; for a self many-to-many <c>Related:many{Product}</c> the field's singular
    /// first, <c>RelatedProduct</c>; for a second link to the same target, <c>PlaylistFavorite</c>.
    /// </summary>
    public static string JoinName(FieldSpec field, string entity, bool severalToTarget) =>
        field.Target == entity ? Singular(field.Name) + entity
        : severalToTarget ? entity + Singular(field.Name)
        : entity + field.Target;

    /// <summary>The join's navigation to the declaring entity: <c>Playlist</c>.</summary>
    public string LeftNavigation => Entity.Name;

    /// <summary>The join's navigation to the target: <c>Track</c>, or <c>Related</c> for a self many-to-many.</summary>
    public string RightNavigation => IsSelf ? Singular(Field.Name) : Field.Target!;

    public string LeftKey => LeftNavigation + "Id";

    public string RightKey => RightNavigation + "Id";

    /// <summary>The delete rule of the target's foreign key: Cascade, or ClientCascade on a SQL Server self join table.</summary>
    public string RightDelete => IsSelf && IsSqlServer ? "ClientCascade" : "Cascade";

    private static string Singular(string name) => name.Singularize(inputIsKnownToBePlural: false);

    /// <summary>The join entity's file.</summary>
    public string EntityFile(string ns, string joinName)
    {
        var left = FieldCode.Words(Entity.Name);
        var right = FieldCode.Words(IsSelf ? RightNavigation + " " + Entity.Name : Field.Target!);
        return $$"""
            namespace {{ns}};

            /// <summary>Links {{FieldCode.Article(left)}} to {{FieldCode.Article(right)}}: one row per link, deleted with either end.</summary>
            public class {{joinName}} : IHasCreatedAt
            {
                public {{Entity.KeyType}} {{LeftKey}} { get; set; }

                public {{Entity.Name}} {{LeftNavigation}} { get; set; } = null!;

                public {{Entity.KeyType}} {{RightKey}} { get; set; }

                public {{Field.Target}} {{RightNavigation}} { get; set; } = null!;

                /// <summary>When the link was made (UTC), set by the auditing interceptor when EF Core inserts the row.</summary>
                public DateTime CreatedAt { get; private set; }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The join entity's configuration: the composite key and the index on its second column.</summary>
    public string ConfigurationFile(string ns, IEnumerable<string> usings, string joinName)
    {
        var v = Names.Variable(joinName);
        var text = string.Concat(usings.Select(u => $"using {u};\n"));
        return text + $$"""

            namespace {{ns}};

            public sealed class {{joinName}}Configuration : IEntityTypeConfiguration<{{joinName}}>
            {
                public void Configure(EntityTypeBuilder<{{joinName}}> builder)
                {
                    // One row per pair: the key's first column serves lookups by {{FieldCode.Words(LeftNavigation)}}, the index those by {{FieldCode.Words(IsSelf ? RightNavigation + " " + Entity.Name : RightNavigation)}}.
                    builder.HasKey({{v}} => new { {{v}}.{{LeftKey}}, {{v}}.{{RightKey}} });
                    builder.HasIndex({{v}} => {{v}}.{{RightKey}});
                }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The mapping in the declaring entity's configuration.</summary>
    public string RelationshipBlock(string joinName)
    {
        var v = Entity.Variable;
        var targetVariable = Names.Variable(Field.Target!);
        if (targetVariable == v)
        {
            targetVariable = Names.Variable(Inverse ?? Field.Name);
        }

        var withMany = Inverse is null ? ".WithMany()" : $".WithMany({targetVariable} => {targetVariable}.{Inverse})";
        var left = FieldCode.Words(Entity.Name);
        var comment = IsSelf
            ? $"// {FieldCode.Capitalized(FieldCode.Article(left))} links to other {FieldCode.Words(Entity.Plural)} through {joinName} rows, deleted with either end."
            : $"// {FieldCode.Capitalized(FieldCode.Article(left))} has many {FieldCode.Words(Field.Name)} and {FieldCode.Article(FieldCode.Words(Field.Target!))} is in many {FieldCode.Words(Entity.Plural)}: each link is {FieldCode.Article(joinName)} row, deleted with either end.";
        if (RightDelete == "ClientCascade")
        {
            comment += "\n// SQL Server refuses two cascade paths from one table into another (error 1785), so only the first key cascades in the\n"
                + $"// database; EF Core deletes the loaded links that name a deleted {left} as {FieldCode.Words(RightNavigation)}, and the database refuses the delete while others remain.";
        }

        return $"""
            {comment}
            builder.HasMany({v} => {v}.{Field.Name})
                {withMany}
                .UsingEntity<{joinName}>(
                    right => right.HasOne(link => link.{RightNavigation}).WithMany().HasForeignKey(link => link.{RightKey}).OnDelete(DeleteBehavior.{RightDelete}),
                    left => left.HasOne(link => link.{LeftNavigation}).WithMany().HasForeignKey(link => link.{LeftKey}).OnDelete(DeleteBehavior.Cascade));
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
