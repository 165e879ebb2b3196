namespace Shop.Tests.Model.ConventionModel;

public sealed class Bus : Vehicle
{
    public int Seats { get; set; }
}
