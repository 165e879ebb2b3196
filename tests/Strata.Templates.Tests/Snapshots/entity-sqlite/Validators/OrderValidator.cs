using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>OrderConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class OrderValidator : AbstractValidator<Order>
{
    public OrderValidator()
    {
        RuleFor(order => order.CustomerId).NotEmpty().When(order => order.Customer is null);
    }
}
