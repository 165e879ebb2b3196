using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Validation;

/// <summary>
/// Runs the FluentValidation validator of each added or modified entity. Validators are found once
/// in this assembly (one <c>AbstractValidator&lt;TEntity&gt;</c> per entity), created when their entity
/// is first validated (FluentValidation compiles every rule in the constructor, which would slow
/// start-up for a large model) and then reused: they are stateless.
/// </summary>
public sealed class EntityValidator
{
    private readonly IReadOnlyDictionary<Type, Lazy<IValidator>> _validators;
    private readonly ConcurrentDictionary<Type, IValidator?> _resolved = new();

    public EntityValidator()
        : this(typeof(EntityValidator).Assembly)
    {
    }

    public EntityValidator(params Assembly[] assemblies)
    {
        _validators = assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(type))
            .Select(type => (ValidatorType: type, EntityType: ValidatedType(type)))
            .Where(pair => pair.EntityType is not null)
            .ToDictionary(
                pair => pair.EntityType!,
                pair => new Lazy<IValidator>(() => (IValidator)Activator.CreateInstance(pair.ValidatorType)!));
    }

    /// <summary>The validator for <paramref name="entityType"/> (or its closest base type), if there is one.</summary>
    public IValidator? For(Type entityType) =>
        _resolved.GetOrAdd(entityType, type =>
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (_validators.TryGetValue(current, out var validator))
                {
                    return validator.Value;
                }
            }

            return null;
        });

    /// <summary>Validates the context's added and modified entities and returns every failure.</summary>
    public IReadOnlyList<EntityValidationFailure> Validate(DbContext context)
    {
        List<EntityValidationFailure>? failures = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || For(entry.Metadata.ClrType) is not { } validator)
            {
                continue;
            }

            var result = validator.Validate(new ValidationContext<object>(entry.Entity));
            if (result.IsValid)
            {
                continue;
            }

            failures ??= [];
            var key = KeyOf(entry);
            failures.AddRange(result.Errors.Select(error =>
                new EntityValidationFailure(entry.Metadata.ClrType.Name, key, error.PropertyName, error.ErrorMessage)));
        }

        return failures ?? (IReadOnlyList<EntityValidationFailure>)[];
    }

    /// <summary>Throws <see cref="EntityValidationException"/> when <see cref="Validate"/> finds failures.</summary>
    public void ThrowIfInvalid(DbContext context)
    {
        var failures = Validate(context);
        if (failures.Count > 0)
        {
            throw new EntityValidationException(failures);
        }
    }

    private static object? KeyOf(EntityEntry entry) =>
        entry.State == EntityState.Added ? null : entry.Metadata.FindPrimaryKey()?.Properties is [var key] ? entry.Property(key.Name).CurrentValue : null;

    private static Type? ValidatedType(Type validatorType)
    {
        for (var current = validatorType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
