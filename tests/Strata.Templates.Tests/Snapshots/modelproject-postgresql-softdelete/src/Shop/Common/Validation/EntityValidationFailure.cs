namespace Shop.Common.Validation;

/// <summary>One broken rule: which entity, which property, and what is wrong with it.</summary>
/// <param name="EntityName">The entity's CLR type name, e.g. <c>Order</c>.</param>
/// <param name="EntityKey">The entity's key value, or <see langword="null"/> for a row not yet inserted.</param>
/// <param name="PropertyName">The property path, e.g. <c>Name</c> or <c>Address.City</c>.</param>
/// <param name="Message">The validator's message.</param>
public sealed record EntityValidationFailure(string EntityName, object? EntityKey, string PropertyName, string Message)
{
    public override string ToString() => $"{EntityName}.{PropertyName}: {Message}";
}
