using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Acme.Sales.Common.Validation;

/// <summary>
/// Runs the FluentValidation validator of each added or modified entity. Validators are found once
/// in this assembly (one <c>AbstractValidator&lt;TEntity&gt;</c> per entity), created when their entity
/// is first validated (FluentValidation compiles every rule in the constructor, which would slow
/// start-up for a large model) and then reused: they are stateless.
/// </summary>
public sealed class EntityValidator
{
    private static readonly MethodInfo TypedValidationMethod =
        typeof(EntityValidator).GetMethod(nameof(TypedValidation), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IReadOnlyDictionary<Type, Lazy<IValidator>> _validators;
    private readonly ConcurrentDictionary<Type, ResolvedValidator?> _resolved = new();

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
    public IValidator? For(Type entityType) => Resolve(entityType)?.Validator;

    /// <summary>Validates the context's added and modified entities and returns every failure.</summary>
    public IReadOnlyList<EntityValidationFailure> Validate(DbContext context) => Validate(context.ChangeTracker.Entries());

    /// <summary>Validates the added and modified entities among <paramref name="entries"/> and returns every failure.</summary>
    public IReadOnlyList<EntityValidationFailure> Validate(IEnumerable<EntityEntry> entries)
    {
        List<EntityValidationFailure>? failures = null;
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || Resolve(entry.Metadata.ClrType) is not { } validator)
            {
                continue;
            }

            var result = validator.Validate(entry.Entity);
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

    /// <summary>Throws <see cref="EntityValidationException"/> when <see cref="Validate(IEnumerable{EntityEntry})"/> finds failures.</summary>
    public void ThrowIfInvalid(IEnumerable<EntityEntry> entries)
    {
        var failures = Validate(entries);
        if (failures.Count > 0)
        {
            throw new EntityValidationException(failures);
        }
    }

    private ResolvedValidator? Resolve(Type entityType) =>
        _resolved.GetOrAdd(entityType, type =>
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (_validators.TryGetValue(current, out var validator))
                {
                    var validate = TypedValidationMethod.MakeGenericMethod(current).Invoke(null, [validator.Value]);
                    return new ResolvedValidator(validator.Value, (Func<object, ValidationResult>)validate!);
                }
            }

            return null;
        });

    // FluentValidation's non-generic Validate(IValidationContext) wraps each entity in a ValidationContext<object>
    // and then copies it into a typed one: measured about 7x the time and 1.8x the allocations of the typed call.
    private static Func<object, ValidationResult> TypedValidation<TEntity>(IValidator validator)
    {
        var typed = (IValidator<TEntity>)validator;
        return entity => typed.Validate((TEntity)entity);
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

    /// <summary>An entity type's validator and its typed <c>Validate</c>, resolved once.</summary>
    private sealed record ResolvedValidator(IValidator Validator, Func<object, ValidationResult> Validate);
}
