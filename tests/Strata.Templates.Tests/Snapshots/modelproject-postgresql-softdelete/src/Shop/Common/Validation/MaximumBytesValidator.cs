using FluentValidation;
using FluentValidation.Validators;

namespace Shop.Common.Validation;

/// <summary>The byte array is at most <see cref="Maximum"/> bytes long (the column's length); null passes. Use it through <c>MaximumBytes(n)</c>.</summary>
public sealed class MaximumBytesValidator<T>(int maximum) : PropertyValidator<T, byte[]?>
{
    public int Maximum { get; } = maximum;

    public override string Name => "MaximumBytesValidator";

    public override bool IsValid(ValidationContext<T> context, byte[]? value) => value is null || value.Length <= Maximum;

    protected override string GetDefaultMessageTemplate(string errorCode) => $"'{{PropertyName}}' must be at most {Maximum} bytes.";
}
