using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Shop.Common.Conventions;

/// <summary>
/// Puts <see cref="UtcDateTimeConverter"/> on every <see cref="DateTime"/> and <see cref="Nullable{DateTime}"/>
/// property, of entities and of complex types, unless a configuration chose another conversion.
/// One converter instance serves them all: <c>Properties&lt;DateTime&gt;().HaveConversion&lt;…&gt;()</c> would
/// create one per property, each compiled on first use, which measurably slows the first query of a large model.
/// </summary>
public sealed class UtcDateTimeConvention : IModelFinalizingConvention
{
    private static readonly UtcDateTimeConverter Converter = new();

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            Apply(entityType);
        }
    }

    private static void Apply(IConventionTypeBase type)
    {
        foreach (var property in type.GetDeclaredProperties())
        {
            if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateTime))
            {
                // A convention-level call: EF ignores it where a configuration set a conversion explicitly.
                property.Builder.HasConversion(Converter);
            }
        }

        foreach (var complexProperty in type.GetDeclaredComplexProperties())
        {
            Apply(complexProperty.ComplexType);
        }
    }
}
