using FluentValidation;
using FluentValidation.Validators;

namespace Acme.Sales.Common.Validation;

/// <summary>The value is an absolute <c>http</c> or <c>https</c> URL; null passes. Use it through <c>IsAbsoluteHttpUrl()</c>.</summary>
public sealed class AbsoluteHttpUrlValidator<T> : PropertyValidator<T, string?>
{
    public override string Name => "AbsoluteHttpUrlValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' must be an absolute http or https URL.";
}
