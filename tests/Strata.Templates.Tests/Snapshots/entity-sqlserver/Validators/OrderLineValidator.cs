using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>OrderLineConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class OrderLineValidator : AbstractValidator<OrderLine>
{
    public OrderLineValidator()
    {
        RuleFor(orderLine => orderLine.OrderId).NotEmpty().When(orderLine => orderLine.Order is null);
    }
}
